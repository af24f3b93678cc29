/**
 * Stryker runs each mutant with jest's `--findRelatedTests <mutated file>` and a testNamePattern
 * naming the tests that cover it. jest then still loads every related test file, sets up its
 * environment and imports, and runs none of its tests when none matches: for a mutant of the
 * transport most of the time of a mutant run. This sequencer leaves out the files that the dry
 * run's record (test-names.js) shows hold no test matching the pattern. The tests that run are
 * exactly those jest would have run; a file the record does not know is kept.
 */
const Sequencer = require('@jest/test-sequencer').default;
const { clearFailure } = require('./first-failure');
const { clearRecord, isDryRun, readRecord } = require('./test-names');

module.exports = class CoveringFilesSequencer extends Sequencer {
  #globalConfig;

  constructor(options) {
    super(options);
    this.#globalConfig = options.globalConfig;
  }

  sort(tests) {
    // The start of a run: no test of it has failed yet (first-failure.js).
    clearFailure();
    const { rootDir, testNamePattern } = this.#globalConfig;
    if (isDryRun(testNamePattern)) {
      clearRecord(rootDir);
      return super.sort(tests);
    }
    if (!testNamePattern) return super.sort(tests);
    const pattern = new RegExp(testNamePattern, 'i');
    const names = readRecord(rootDir);
    return super.sort(
      tests.filter((test) => {
        const recorded = names.get(test.path);
        return recorded === undefined || recorded.some((name) => pattern.test(name));
      }),
    );
  }
};
