/**
 * The SDK imports the streaming path (./streaming, which loads the reader), the validators
 * (src/core/api.ts) and `raw`'s openapi-fetch client (src/core/raw-client.ts) on first use, so their module-level code (the messages in json-stream.ts's
 * ENDED_IN, for one) first runs inside whichever test streams or validates first, and Stryker credits those mutants to that test alone:
 * json-stream.test.ts, which checks the messages, never ran for them. Loaded here, before any test,
 * that code is static as it is in every module a test imports: the gate skips it, and
 * `npm run test:mutation:all` runs every test against it.
 */
require('../../src/core/streaming');
require('../../src/core/envelope-stream');
require('../../src/core/validation');
require('../../src/core/raw-client');
