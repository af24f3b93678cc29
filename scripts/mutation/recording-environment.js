/**
 * jest's node environment, noting during Stryker's dry run the full name of every test it starts
 * (titles joined by spaces, as jest matches testNamePattern and Stryker names a test), so that
 * covering-files-sequencer.js knows which file holds which test.
 */
const { TestEnvironment } = require('jest-environment-node');
const { isDryRun, recordTest } = require('./test-names');

function fullName(test) {
  const titles = [];
  for (let block = test; block?.parent; block = block.parent) titles.unshift(block.name);
  return titles.join(' ');
}

module.exports = class RecordingEnvironment extends TestEnvironment {
  #rootDir;
  #testPath;
  #recording;

  constructor(config, context) {
    super(config, context);
    this.#rootDir = config.projectConfig.rootDir;
    this.#testPath = context.testPath;
    this.#recording = isDryRun(config.globalConfig.testNamePattern);
  }

  async handleTestEvent(event, state) {
    await super.handleTestEvent?.(event, state);
    // Only under Stryker (its mixin sets __stryker__), never in a plain jest run of this config.
    if (this.#recording && event.name === 'test_start' && this.global.__stryker__) {
      recordTest(this.#rootDir, this.#testPath, fullName(event.test));
    }
  }
};
