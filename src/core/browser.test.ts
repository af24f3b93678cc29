import { Callab } from '../client';
import { isBrowserPage } from './browser';
import { CallabError } from './errors';

const page = { window: {}, document: {} };

describe('isBrowserPage', () => {
  it.each([
    ['a web page', page, true],
    ['Node', { process: { versions: { node: '20.20.2' } } }, false],
    ['Node with jsdom globals (jest-environment-jsdom)', { ...page, process }, false],
    ['Bun with page globals', { ...page, Bun: {}, process: { versions: { bun: '1.2.0' } } }, false],
    ['Deno with page globals', { ...page, Deno: {} }, false],
    ['a worker (self, no window or document)', { self: {}, WorkerGlobalScope: {} }, false],
    ['a worker that shims window and document', { ...page, WorkerGlobalScope: {} }, false],
    ['window without document', { window: {} }, false],
    ['document without window', { document: {} }, false],
    ['a page whose bundler shims process without versions.node', { ...page, process: {} }, true],
  ])('%s', (_name, scope, expected) => {
    expect(isBrowserPage(scope as Record<string, unknown>)).toBe(expected);
  });
});

/** Runs `body` with the globals of a web page: window and document, and no Node `process`. */
function inPage<T>(body: () => T): T {
  const scope = globalThis as Record<string, unknown>;
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'process');
  scope.window = scope;
  scope.document = {};
  Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true });
  try {
    return body();
  } finally {
    if (saved) Object.defineProperty(globalThis, 'process', saved);
    delete scope.window;
    delete scope.document;
  }
}

describe('new Callab() in a browser', () => {
  it('throws a CallabError saying the key would be exposed to every visitor', () => {
    const error = inPage(() => {
      try {
        new Callab({ apiKey: 'sk-live-secret' });
      } catch (thrown) {
        return thrown;
      }
    });
    expect(error).toBeInstanceOf(CallabError);
    expect((error as Error).message).toMatch(/exposed to every visitor/);
    expect((error as Error).message).toMatch(/dangerouslyAllowBrowser: true/);
    expect((error as Error).message).not.toContain('sk-live-secret');
  });

  it('constructs with dangerouslyAllowBrowser: true', () => {
    const callab = inPage(() => new Callab({ apiKey: 'k', dangerouslyAllowBrowser: true }));
    expect(callab).toBeInstanceOf(Callab);
  });

  it('is not triggered on Node, even with page globals defined (as jsdom does)', () => {
    const scope = globalThis as Record<string, unknown>;
    scope.window = scope;
    scope.document = {};
    try {
      expect(new Callab({ apiKey: 'k' })).toBeInstanceOf(Callab);
    } finally {
      delete scope.window;
      delete scope.document;
    }
  });
});
