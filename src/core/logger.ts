/**
 * Leveled logging; callers pass details through `redactHeaders` (./redact) before logging them.
 * Each line is one complete string (details appended as JSON), passed as the only argument:
 * loggers disagree on what further arguments mean (console prints them, pino reads them as
 * format arguments and drops them, or wants its object first), and one string means the same to all.
 */

export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Anything with these four methods taking a message: `console`, pino, winston, bunyan... */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}

export type LogMethod = (message: string, details?: Record<string, unknown>) => void;
export type LeveledLogger = Record<Exclude<LogLevel, 'off'>, LogMethod | undefined>;

/** Methods below `level` are undefined, so callers skip building their details: `log.debug?.(...)`. */
export function createLeveledLogger(logger: Logger, level: LogLevel): LeveledLogger {
  const at = (name: Exclude<LogLevel, 'off'>): LogMethod | undefined =>
    RANK[level] >= RANK[name]
      ? (message, details) =>
          logger[name](
            details === undefined
              ? `callab: ${message}`
              : `callab: ${message} ${JSON.stringify(details)}`,
          )
      : undefined;
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
