/**
 * Room for a slow real server in proxy mode: each request gives up after 20 s
 * (REQUEST_TIMEOUT_MS in client.ts), a test makes at most two in a row, and a rate limit adds at
 * most two waits of 10 s to each (RATE_LIMIT_POLICY in rate-limit.ts).
 */
jest.setTimeout(90_000);
