import { getEventListeners } from 'node:events';
import { isRetrySafe } from './operations';
import { backoffDelay, isRetryableStatus, parseRetryAfter, sleep } from './retry';

describe('backoffDelay', () => {
  it('doubles from 0.5 s and caps at 8 s, with at most 25 % jitter below', () => {
    const lowest = [0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, () => 1));
    const highest = [0, 1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(retry, () => 0));
    expect(highest).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(lowest).toEqual([375, 750, 1500, 3000, 6000, 6000, 6000]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const parse = (headers: Record<string, string>) => parseRetryAfter(new Headers(headers), now);

  it.each([
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': '1.25' }, 1250],
    [{ 'retry-after': '120' }, 120_000],
    [{ 'retry-after': ' 7 ' }, 7000],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, 30_000],
    [{ 'retry-after': 'Thursday, 01-Jan-26 00:01:00 GMT' }, 60_000],
    [{ 'retry-after': 'Thu Jan  1 00:00:05 2026' }, 5000],
    [{ 'retry-after-ms': '250' }, 250],
    [{ 'retry-after-ms': '250', 'retry-after': '5' }, 250],
    [{ 'retry-after-ms': 'soon', 'retry-after': '5' }, 5000],
  ])('%j -> %d ms', (headers, expected) => {
    expect(parse(headers)).toBe(expected);
  });

  it.each([
    [{}],
    [{ 'retry-after': '-1' }],
    [{ 'retry-after': 'tomorrow' }],
    [{ 'retry-after': '1e3' }],
    [{ 'retry-after': '0x10' }],
    [{ 'retry-after': 'try again in 60' }],
    [{ 'retry-after': 'wait 5' }],
    [{ 'retry-after': '5 seconds' }],
    // Dates in the past, or now: nothing to wait for, so the client backs off as usual.
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:59:00 GMT' }],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:00 GMT' }],
    [{ 'retry-after': 'Friday, 01-Jan-99 00:00:00 GMT' }],
    // What Date.parse would accept, but RFC 9110 does not: ISO 8601, other zones, lower case.
    [{ 'retry-after': '2026-01-01T00:00:30Z' }],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 +0000' }],
    [{ 'retry-after': 'thu, 01 jan 2026 00:00:30 gmt' }],
    [{ 'retry-after': 'Thu, 1 Jan 2026 00:00:30 GMT' }],
    // Not a real day or time.
    [{ 'retry-after': 'Mon, 30 Feb 2026 00:00:00 GMT' }],
    [{ 'retry-after': 'Thu, 01 Jan 2026 24:00:30 GMT' }],
    [{ 'retry-after-ms': 'soon' }],
  ])('%j is not usable', (headers) => {
    expect(parse(headers)).toBeUndefined();
  });
});

describe('what is retried', () => {
  it('retries 408, 409, 429 and 5xx only', () => {
    const retried = [200, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504].filter(
      isRetryableStatus,
    );
    expect(retried).toEqual([408, 409, 429, 500, 502, 503, 504]);
  });

  it('treats GET and the read-only POST /contact/query as safe, other POSTs as not', () => {
    expect(isRetrySafe('GET', '/campaign/list')).toBe(true);
    expect(isRetrySafe('POST', '/contact/query')).toBe(true);
    expect(isRetrySafe('POST', '/contact/create')).toBe(false);
  });

  it('retries GET and HEAD outside the spec (raw), and no other method on a GET path', () => {
    expect(isRetrySafe('get', '/not/in/the/spec')).toBe(true);
    expect(isRetrySafe('HEAD', '/not/in/the/spec')).toBe(true);
    expect(isRetrySafe('DELETE', '/campaign/list')).toBe(false);
    expect(isRetrySafe('POST', '/campaign/list')).toBe(false);
  });
});

describe('sleep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = (promise: Promise<void>) => {
    const state = { resolved: false, rejected: undefined as unknown };
    promise.then(
      () => {
        state.resolved = true;
      },
      (reason: unknown) => {
        state.rejected = reason;
      },
    );
    return state;
  };

  it('resolves after the delay and takes its listener off the signal', async () => {
    const controller = new AbortController();
    const state = settled(sleep(1000, controller.signal));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(999);
    expect(state.resolved).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(state.resolved).toBe(true);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('resolves without a signal', async () => {
    const state = settled(sleep(10));
    await jest.advanceTimersByTimeAsync(10);
    expect(state.resolved).toBe(true);
  });

  it('rejects with the reason as soon as the signal aborts, and clears its timer', async () => {
    const controller = new AbortController();
    const state = settled(sleep(60_000, controller.signal));
    const reason = new Error('stop');
    controller.abort(reason);
    await jest.advanceTimersByTimeAsync(0);
    expect(state).toEqual({ resolved: false, rejected: reason });
    expect(jest.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects at once, starting no timer, when the signal has already aborted', async () => {
    const state = settled(sleep(60_000, AbortSignal.abort('gone')));
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(0);
    expect(state.rejected).toBe('gone');
  });
});
