/**
 * Prism, in-process, serving the spec bundled with this package: examples from openapi.yaml,
 * request validation, security checks, and `Prefer: code=429` / `example=...` to pick a response.
 * Prism is an optional peer dependency, loaded only when a mock server starts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IPrismHttpServerOpts } from '@stoplight/prism-http-server/dist/types';

export interface MockServerOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Another OpenAPI document to serve; default the openapi.yaml shipped with this package. */
  specPath?: string;
  /** Generate random data from the schemas instead of serving the spec's examples. Default false. */
  dynamic?: boolean;
  /** Receives Prism's log lines (Authorization values redacted); without it Prism stays silent. */
  onLog?: (entry: { level: string; message: string }) => void;
}

export interface MockServer {
  /** Base URL to give the client, e.g. `http://127.0.0.1:49152`. */
  url: string;
  close(): Promise<void>;
}

const PRISM_PACKAGES = ['@stoplight/prism-http', '@stoplight/prism-http-server'];

/**
 * openapi.yaml sits at the package root: one level above dist/ (the library builds), two above
 * dist/cli/ (the CLI bundle) and src/testing/ (this repository). tsup's shims give the ESM build
 * a `__dirname`.
 */
export function bundledSpecPath(): string {
  const candidates = [
    join(__dirname, '..', 'openapi.yaml'),
    join(__dirname, '..', '..', 'openapi.yaml'),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `callab-client: the bundled openapi.yaml is missing (looked at ${candidates.join(', ')}).`,
    );
  }
  return found;
}

type LogMethod = (...args: unknown[]) => void;
interface PrismLogger {
  child(bindings: object): PrismLogger;
  fatal: LogMethod;
  error: LogMethod;
  warn: LogMethod;
  info: LogMethod;
  success: LogMethod;
  debug: LogMethod;
  trace: LogMethod;
}

/** Prism's debug lines echo request headers; the API key must not reach the caller's logs. */
function redactCredentials(message: string): string {
  return message.replace(/(authorization:\s*)\S.*$/gim, '$1[redacted]');
}

/** The part of pino's interface Prism calls, forwarding each line's message to `onLog`. */
function prismLogger(onLog: MockServerOptions['onLog']): PrismLogger {
  const method =
    (level: string): LogMethod =>
    (...args) => {
      const message = args.find((arg) => typeof arg === 'string');
      if (onLog && typeof message === 'string')
        onLog({ level, message: redactCredentials(message) });
    };
  const logger: PrismLogger = {
    child: () => logger,
    fatal: method('fatal'),
    error: method('error'),
    warn: method('warn'),
    info: method('info'),
    success: method('success'),
    debug: method('debug'),
    trace: method('trace'),
  };
  return logger;
}

async function loadPrism(name: string) {
  try {
    const [http, server] = await Promise.all([
      import('@stoplight/prism-http'),
      import('@stoplight/prism-http-server'),
    ]);
    return {
      getHttpOperationsFromSpec: http.getHttpOperationsFromSpec,
      createServer: server.createServer,
    };
  } catch (error) {
    throw new Error(
      `${name} needs the optional peer dependencies ${PRISM_PACKAGES.join(' and ')}: ` +
        `npm install --save-dev ${PRISM_PACKAGES.join(' ')}`,
      { cause: error },
    );
  }
}

/** Starts Prism in mock mode on a loopback port; `close()` stops it. */
export function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  return startPrism({ ...options, name: 'startMockServer' });
}

/** How Prism runs: the mock, or (`upstream`) its validating proxy in front of a real server. */
export interface PrismOptions extends MockServerOptions {
  /** Proxy mode: forward every request to this server and validate its answers. */
  upstream?: URL;
  /** Who starts Prism, for the messages. */
  name: string;
}

/**
 * The one Prism setup: request validation, security checks and `errors` on, so an invalid
 * response becomes a 500 problem+json with an `sl-violations` header. Internal: the contract
 * suite starts its proxy through it.
 */
export async function startPrism(options: PrismOptions): Promise<MockServer> {
  const specPath = options.specPath ?? bundledSpecPath();
  if (!existsSync(specPath)) {
    throw new Error(`${options.name}: no OpenAPI document at ${specPath}; check specPath.`);
  }
  const { getHttpOperationsFromSpec, createServer } = await loadPrism(options.name);
  const operations = await getHttpOperationsFromSpec(specPath);
  if (operations.length === 0) {
    throw new Error(`${options.name}: ${specPath} defines no operations.`);
  }
  const mode = options.upstream
    ? { isProxy: true as const, upstream: options.upstream }
    : { isProxy: false as const };
  const server = createServer(operations, {
    cors: true,
    config: {
      ...mode,
      mock: { dynamic: options.dynamic ?? false },
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      errors: true,
      upstreamProxy: undefined,
    },
    components: {
      logger: prismLogger(options.onLog) as unknown as IPrismHttpServerOpts['components']['logger'],
    },
  });
  const url = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return { url, close: () => server.close() };
}
