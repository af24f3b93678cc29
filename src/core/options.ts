/** Checks of the numbers a caller passes, in the constructor and per call, with messages that say how to fix them. */
import { CallabError } from './errors';

/** setTimeout's ceiling: a longer timer fires at once, which would time out every request. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function checkTimeoutMs(value: number, where: string): number {
  if (typeof value !== 'number' || !(value >= 1 && value <= MAX_TIMER_MS)) {
    throw new CallabError(
      `Invalid timeoutMs ${String(value)} (${where}): expected milliseconds from 1 to ${MAX_TIMER_MS}.`,
    );
  }
  return value;
}

export function checkMaxRetries(value: number, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new CallabError(
      `Invalid maxRetries ${String(value)} (${where}): expected a whole number >= 0.`,
    );
  }
  return value;
}
