/** `callab-client/testing`: servers for testing code that uses the Callab API, without the API. */
export { defaultFixtures, type FakeFixtures } from '../fake/fixtures';
export { DEFAULT_FAKE_API_KEY, type FakeOptions } from '../fake/options';
export { type FakeServer, type FakeServerOptions, startFakeServer } from './fake-server';
export { type MockServer, type MockServerOptions, startMockServer } from './mock-server';
