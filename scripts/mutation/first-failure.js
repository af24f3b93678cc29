/**
 * Whether a test of the current mutant run has failed: Stryker needs one failing test to call a
 * mutant killed, but jest has no bail it can set (JEST_OVERRIDE_OPTIONS in
 * @stryker-mutator/jest-runner says so), so the tests after it would still run, each to its
 * own timeout when the mutant makes them hang. Set by mutation-environment.js, cleared by
 * covering-files-sequencer.js as each run starts; both run in Stryker's test runner process.
 */
let failed = false;

module.exports = {
  clearFailure: () => {
    failed = false;
  },
  noteFailure: () => {
    failed = true;
  },
  hasFailed: () => failed,
};
