/**
 * Room for a slow real server in proxy mode: each request gives up after 20 s
 * (REQUEST_TIMEOUT_MS in client.ts) and a test makes at most two in a row.
 */
jest.setTimeout(60_000);
