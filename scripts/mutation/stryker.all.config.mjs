/** `npm run test:mutation:all`: the gate's run (stryker.config.mjs) with the static mutants included. */
import gate from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...gate,
  ignoreStatic: false,
  htmlReporter: { fileName: 'reports/mutation-all/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation-all/mutation.json' },
  incrementalFile: 'reports/mutation-all/incremental.json',
};
