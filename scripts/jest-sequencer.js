/**
 * jest's order, with the test files whose docblock says `@slow` (they start tsc, bundlers or the
 * packed CLI) first. On a fresh clone jest knows no durations and orders by file size, which put
 * these small files last, where one of them ran alone on one core while the other sat idle.
 */
const { readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;

/** The file's opening docblock carries the `@slow` tag. */
function isSlow(path) {
  const docblock = /^\/\*\*[\s\S]*?\*\//.exec(readFileSync(path, 'utf8'));
  return docblock !== null && /^\s*\* @slow$/m.test(docblock[0]);
}

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const slow = sorted.filter((test) => isSlow(test.path));
    return [...slow, ...sorted.filter((test) => !slow.includes(test))];
  }
}

module.exports = SlowFirstSequencer;
