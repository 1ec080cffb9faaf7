// Browser tests against the running demo portal (see scripts/e2e.sh).
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.js'],
  testTimeout: 240_000,
  transform: {},
  testSequencer: '<rootDir>/sequencer.js',
};
