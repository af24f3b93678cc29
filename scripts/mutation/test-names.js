/**
 * Which test file holds which test, as Stryker's dry run saw them: written by
 * mutation-environment.js, read by covering-files-sequencer.js. The record lives in the rootDir
 * of the run, which under Stryker is its sandbox, so a later run never reads an older one.
 */
const { appendFileSync, readFileSync, rmSync } = require('node:fs');
const { join } = require('node:path');

const recordFile = (rootDir) => join(rootDir, '.stryker-test-names.jsonl');

/** True in Stryker's dry run (every test, no mutant active), the run whose tests we record. */
const isDryRun = (testNamePattern) =>
  !testNamePattern && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined;

function clearRecord(rootDir) {
  rmSync(recordFile(rootDir), { force: true });
}

function recordTest(rootDir, testPath, fullName) {
  appendFileSync(recordFile(rootDir), `${JSON.stringify([testPath, fullName])}\n`);
}

/** Map of test file → the full names of its tests; empty when nothing was recorded. */
function readRecord(rootDir) {
  let text;
  try {
    text = readFileSync(recordFile(rootDir), 'utf8');
  } catch {
    return new Map();
  }
  const names = new Map();
  for (const line of text.split('\n').filter(Boolean)) {
    const [testPath, fullName] = JSON.parse(line);
    names.set(testPath, [...(names.get(testPath) ?? []), fullName]);
  }
  return names;
}

module.exports = { clearRecord, isDryRun, readRecord, recordTest };
