module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.medium-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  coverageDirectory: '../../coverage/apps/api',
  testTimeout: 30000,
  // One database per worker file; e2e suites boot the whole app.
  maxWorkers: process.env.DB_DRIVER === 'postgresql' ? 1 : '50%',
};
