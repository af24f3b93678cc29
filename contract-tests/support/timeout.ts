/**
 * Room for a slow machine: each mock request gives up after 20 s (REQUEST_TIMEOUT_MS in
 * client.ts) and a test makes at most two in a row. (Proxy mode sends its requests from the
 * global setup, which jest does not time out; each of those gives up after 20 s too.)
 */
jest.setTimeout(60_000);
