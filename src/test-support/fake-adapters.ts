/** The Node-free and node:http adapters of the fake API, started as their users start them. */
import { createFakeFetch } from '../fake';
import { startFakeServer } from '../testing';
import type { StartFake } from './fake-behaviour';

export const FAKE_ADAPTERS: readonly (readonly [name: string, start: StartFake])[] = [
  [
    'startFakeServer',
    async (options) => {
      const server = await startFakeServer(options);
      return { call: (path, init) => fetch(`${server.url}${path}`, init), close: server.close };
    },
  ],
  [
    'createFakeFetch',
    async (options) => {
      const fakeFetch = createFakeFetch(options);
      return {
        call: (path, init) => fakeFetch(`https://api.callab.ai${path}`, init),
        close: async () => {},
      };
    },
  ],
];
