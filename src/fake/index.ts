/**
 * `callab-client/fake`: the fake Callab API in memory, as a `fetch` for `new Callab({ fetch })`.
 * No Node built-in on its path: it runs in browsers, workers, Deno and Bun as well as Node.
 */
export { createFakeFetch, type FakeFetch } from './fetch';
export { defaultFixtures, type FakeFixtures } from './fixtures';
export { DEFAULT_FAKE_API_KEY, type FakeOptions } from './options';
