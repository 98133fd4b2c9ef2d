module.exports = {
  displayName: 'workspace-tools',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/**/*.spec.ts'],
  cacheDirectory: '<rootDir>/../tmp/jest-cache',
  reporters: ['default', '<rootDir>/scripts/jest-count-reporter.cjs'],
  testTimeout: 60000,
};
