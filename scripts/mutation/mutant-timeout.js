/**
 * In a mutant run, a test that has not finished after 5 s fails, as under jest's default timeout.
 * The unit tests' own limit (120 s, src/test-support/timeout.ts, for tests that start processes)
 * would leave a mutant that makes a test hang to Stryker's timeout instead: 5 s plus the dry
 * run's overhead (about 13 s in all), then a restart of the test runner process. The dry run keeps
 * the 120 s, so a busy machine cannot fail it.
 */
if (process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined) jest.setTimeout(5_000);
