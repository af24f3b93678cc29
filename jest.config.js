/** Two projects: unit tests beside the code, and the contract suite against Prism. */
const transform = { '^.+\\.ts$': '<rootDir>/scripts/jest-transform.js' };

/** @type {import('jest').Config} */
module.exports = {
  // jest's default leaves one core idle (one worker on 2 cores), while many tests wait on the
  // processes they start (tsc, bundlers, the packed CLI).
  maxWorkers: '100%',
  testSequencer: '<rootDir>/scripts/jest-sequencer.js',
  reporters: ['default', '<rootDir>/scripts/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      roots: ['<rootDir>/src', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/src/test-support/timeout.ts'],
    },
    {
      displayName: 'contract',
      testEnvironment: 'node',
      transform,
      roots: ['<rootDir>/contract-tests'],
      testMatch: ['**/*.test.ts'],
      // Prism (mock, or proxy when CONTRACT_UPSTREAM is set) and the coverage gate.
      globalSetup: '<rootDir>/contract-tests/global-setup.ts',
      globalTeardown: '<rootDir>/contract-tests/global-teardown.ts',
      // A longer test timeout for slow real servers (a project-level testTimeout is ignored).
      setupFilesAfterEnv: ['<rootDir>/contract-tests/support/timeout.ts'],
    },
  ],
};
