/**
 * The unit tests that exercise the mutated files (stryker.config.mjs), as one jest project:
 * Stryker's jest runner measures coverage per test only in a single-project config. The tests that
 * run the built CLI from dist/ are left out: a mutant of src/ never reaches them.
 */
const {
  projects: [unit],
} = require('../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '../..',
  // The two below let each mutant run load only the test files that hold a test covering it, and
  // stop at its first failing test. An absolute path: Stryker's runner loads the environment
  // itself, without <rootDir>.
  testEnvironment: require.resolve('./mutation-environment.js'),
  testSequencer: require.resolve('./covering-files-sequencer.js'),
  transform: unit.transform,
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: [
    ...unit.setupFilesAfterEnv,
    '<rootDir>/scripts/mutation/mutant-timeout.js',
    '<rootDir>/scripts/mutation/preload-lazy-modules.js',
  ],
  testMatch: [
    '<rootDir>/src/client.test.ts',
    '<rootDir>/src/core/**/*.test.ts',
    '<rootDir>/src/resources/**/*.test.ts',
    '<rootDir>/src/cli/formats.test.ts',
    '<rootDir>/src/cli/scrub.test.ts',
    '<rootDir>/src/fake/filters.test.ts',
    '<rootDir>/src/fake/api.test.ts',
    '<rootDir>/src/testing/fake-server.test.ts',
  ],
};
