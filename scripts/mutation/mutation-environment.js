/**
 * jest's node environment with two additions for Stryker's runs:
 * - in the dry run, it notes the full name of every test it starts (titles joined by spaces, as
 *   jest matches testNamePattern and Stryker names a test), so that covering-files-sequencer.js
 *   knows which file holds which test;
 * - in a mutant run, once a test has failed (the mutant is killed), it skips the tests after it,
 *   as Stryker's bail would.
 */
const { TestEnvironment } = require('jest-environment-node');
const { hasFailed, noteFailure } = require('./first-failure');
const { isDryRun, recordTest } = require('./test-names');

function fullName(test) {
  const titles = [];
  for (let block = test; block?.parent; block = block.parent) titles.unshift(block.name);
  return titles.join(' ');
}

module.exports = class MutationEnvironment extends TestEnvironment {
  #rootDir;
  #testPath;
  #dryRun;

  constructor(config, context) {
    super(config, context);
    this.#rootDir = config.projectConfig.rootDir;
    this.#testPath = context.testPath;
    this.#dryRun = isDryRun(config.globalConfig.testNamePattern);
  }

  async handleTestEvent(event, state) {
    await super.handleTestEvent?.(event, state);
    // Only under Stryker (its mixin sets __stryker__), never in a plain jest run of this config.
    if (!this.global.__stryker__) return;
    if (this.#dryRun) {
      if (event.name === 'test_start')
        recordTest(this.#rootDir, this.#testPath, fullName(event.test));
      return;
    }
    if (event.name === 'test_start' && hasFailed()) event.test.mode = 'skip';
    if (event.name === 'test_done' && event.test.errors.length > 0) noteFailure();
    if (event.name === 'hook_failure') noteFailure();
  }
};
