/**
 * createMswHandlers under MSW's `setupServer`, run by Vitest (`npm run test:msw`): msw 2.11+
 * depends on ESM-only packages, which jest's CommonJS mode cannot load on Node 20.
 */
import { setupServer } from 'msw/node';
import { DEFAULT_BASE_URL } from '../client';
import { describeFakeApi, type StartFake } from '../test-support/fake-behaviour';
import { createMswHandlers } from './msw';
import { DEFAULT_FAKE_API_KEY } from './options';

/** An origin nothing answers but MSW's interception. */
const BASE_URL = 'https://api.callab.test';

const withKey = { headers: { authorization: `Bearer ${DEFAULT_FAKE_API_KEY}` } };

const startMsw: StartFake = async (options) => {
  const server = setupServer(...createMswHandlers({ ...options, baseUrl: BASE_URL }));
  server.listen({ onUnhandledRequest: 'error' });
  return {
    call: (path, init) => fetch(`${BASE_URL}${path}`, init),
    close: async () => server.close(),
  };
};

describe('the fake API through createMswHandlers (msw/node setupServer)', () => {
  describeFakeApi(startMsw);
});

describe('createMswHandlers', () => {
  it('answers under the production base URL of openapi.yaml by default', async () => {
    const server = setupServer(...createMswHandlers());
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const response = await fetch(`${DEFAULT_BASE_URL}/phone_number`, withKey);
      expect((await response.json()).status).toBe('ok');
    } finally {
      server.close();
    }
  });

  it('routes under the path of a base URL, and leaves other URLs to MSW', async () => {
    const server = setupServer(...createMswHandlers({ baseUrl: `${BASE_URL}/callab/` }));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const inside = await fetch(`${BASE_URL}/callab/campaign/list?limit=1`, withKey);
      expect((await inside.json()).data).toHaveLength(1);
      const missing = await fetch(`${BASE_URL}/callab/contacts`, withKey);
      expect([missing.status, (await missing.json()).message]).toEqual([
        404,
        'No operation at /callab/contacts.',
      ]);
      // Outside the base URL no handler matches, so onUnhandledRequest: 'error' fails the fetch.
      await expect(fetch(`${BASE_URL}/phone_number`, withKey)).rejects.toThrow();
    } finally {
      server.close();
    }
  });

  it('refuses a base URL that is not absolute', () => {
    expect(() => createMswHandlers({ baseUrl: '/callab' })).toThrow(
      'createMswHandlers: baseUrl must be an absolute URL, got "/callab".',
    );
  });
});
