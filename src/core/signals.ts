/**
 * A signal that aborts when the caller's does, with no listener on the caller's: many concurrent
 * calls share one long-lived signal (a request's or the process's shutdown), and a listener per
 * call on it trips Node's MaxListenersExceededWarning at 11. `AbortSignal.any` links them without
 * one. Runtimes without it (Node before 20.3, Safari before 17.4) get the caller's signal itself:
 * the listeners the call adds are removed when it settles.
 */
export function followSignal(signal: AbortSignal): AbortSignal {
  return typeof AbortSignal.any === 'function' ? AbortSignal.any([signal]) : signal;
}
