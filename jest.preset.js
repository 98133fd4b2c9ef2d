const nxPreset = require('@nx/jest/preset').default;

process.env.TZ = 'UTC';

module.exports = {
  ...nxPreset,
  cacheDirectory: '<rootDir>/../../tmp/jest-cache',
  reporters: ['default', '<rootDir>/../../tools/scripts/jest-count-reporter.cjs'],
};
