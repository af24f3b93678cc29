/**
 * The fake Callab API (src/fake: documented semantics over fixtures) on a loopback port, for
 * clients that need a URL: other processes, the CLI, Prism's proxy. The behaviour is the same as
 * `createFakeFetch` and `createMswHandlers` give; this file only bridges node:http to it.
 */
import { createFakeApi } from '../fake/api';
import { type FakeOptions, settingsFrom } from '../fake/options';
import { serveFetchHandler } from './serve-fetch';

export interface FakeServerOptions extends FakeOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface FakeServer {
  /** Base URL to give the client, e.g. `http://127.0.0.1:49152`. */
  url: string;
  /** The key the server accepts. */
  apiKey: string;
  close(): Promise<void>;
}

/** Starts the fake API on a loopback port; `close()` stops it and drops open connections. */
export async function startFakeServer(options: FakeServerOptions = {}): Promise<FakeServer> {
  const { port, host, ...fake } = options;
  const settings = settingsFrom(fake, 'startFakeServer');
  const served = await serveFetchHandler(createFakeApi(settings), {
    ...(port !== undefined && { port }),
    ...(host !== undefined && { host }),
  });
  return { ...served, apiKey: settings.apiKey };
}
