/**
 * `callab-client/msw`: the fake Callab API as Mock Service Worker request handlers, for
 * `setupServer` (Node) or `setupWorker` (browsers). The only module that imports `msw`, an
 * optional peer dependency.
 */
import { type HttpHandler, http } from 'msw';
import { createFakeApi } from './api';
import { type FakeOptions, settingsFrom } from './options';
import { SPEC } from './spec';

export { defaultFixtures, type FakeFixtures } from './fixtures';
export { DEFAULT_FAKE_API_KEY, type FakeOptions } from './options';

export interface MswHandlersOptions extends FakeOptions {
  /** The base URL the client calls. Default: the production server of openapi.yaml, `https://api.callab.ai`. */
  baseUrl?: string;
}

/** One handler that answers every request under `baseUrl` with the fake API. */
export function createMswHandlers(options: MswHandlersOptions = {}): HttpHandler[] {
  const { baseUrl = SPEC.servers[0].url, ...fake } = options;
  const settings = settingsFrom(fake, 'createMswHandlers');
  if (!URL.canParse(baseUrl)) {
    throw new TypeError(`createMswHandlers: baseUrl must be an absolute URL, got "${baseUrl}".`);
  }
  const base = new URL(baseUrl);
  const api = createFakeApi(settings, { basePath: base.pathname });
  const under = `${base.origin}${base.pathname.replace(/\/+$/, '')}/*`;
  return [http.all(under, ({ request }) => api(request))];
}
