import { createLeveledLogger, isLogLevel, type Logger } from './logger';

type Call = unknown[];

/** Logs like pino: an object first is merged into the record; after a string, extra arguments fill `%s` placeholders only. */
function pinoShaped(records: Record<string, unknown>[]): Logger {
  const method =
    (level: string) =>
    (first: unknown, ...rest: unknown[]) => {
      if (typeof first === 'object' && first !== null) {
        records.push({ level, ...first, msg: rest[0] });
        return;
      }
      let msg = String(first);
      for (const arg of rest) msg = msg.replace('%s', String(arg));
      records.push({ level, msg });
    };
  return {
    error: method('error'),
    warn: method('warn'),
    info: method('info'),
    debug: method('debug'),
  };
}

function consoleShaped(calls: Call[]): Logger {
  const method = (...args: unknown[]) => calls.push(args);
  return { error: method, warn: method, info: method, debug: method };
}

describe('createLeveledLogger', () => {
  it('keeps the details with pino, which drops arguments after a message without placeholders', () => {
    const records: Record<string, unknown>[] = [];
    const log = createLeveledLogger(pinoShaped(records), 'debug');
    log.debug?.('→ GET /phone_number', {
      url: 'http://127.0.0.1/phone_number',
      headers: { authorization: '[redacted]' },
    });
    log.warn?.('long wait');
    expect(records).toEqual([
      {
        level: 'debug',
        msg: 'callab: → GET /phone_number {"url":"http://127.0.0.1/phone_number","headers":{"authorization":"[redacted]"}}',
      },
      { level: 'warn', msg: 'callab: long wait' },
    ]);
  });

  it('passes one string to console-like loggers too', () => {
    const calls: Call[] = [];
    const log = createLeveledLogger(consoleShaped(calls), 'info');
    log.info?.('retry 1 of 2', { ms: 500 });
    expect(calls).toEqual([['callab: retry 1 of 2 {"ms":500}']]);
  });

  it.each([
    ['off', []],
    ['error', ['error']],
    ['warn', ['error', 'warn']],
    ['info', ['error', 'warn', 'info']],
    ['debug', ['error', 'warn', 'info', 'debug']],
  ] as const)('at %s, logs %j', (level, expected) => {
    const log = createLeveledLogger(consoleShaped([]), level);
    expect(Object.entries(log).flatMap(([name, method]) => (method ? [name] : []))).toEqual(
      expected,
    );
  });
});

describe('isLogLevel', () => {
  it('accepts the level names only, not values that turn into one as a property key', () => {
    expect(['off', 'error', 'warn', 'info', 'debug'].every(isLogLevel)).toBe(true);
    for (const value of [['debug'], { toString: () => 'info' }, 'constructor', 'DEBUG', 1]) {
      expect(isLogLevel(value)).toBe(false);
    }
  });
});
