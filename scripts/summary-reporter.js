/**
 * Ends a jest run with one plain line, `jest: N passed, N failed, N skipped`, so that CI logs say
 * at a glance how many tests ran (the default reporter's summary is split across lines).
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stdout.write(
      `\njest: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`,
    );
  }
}

module.exports = SummaryReporter;
