/** `callab-client/testing`: servers for testing code that uses the Callab API, without the API. */
export {
  DEFAULT_FAKE_API_KEY,
  type FakeServer,
  type FakeServerOptions,
  startFakeServer,
} from './fake-server';
export { defaultFixtures, type FakeServerFixtures } from './fixtures';
export { type MockServer, type MockServerOptions, startMockServer } from './mock-server';
