// The one retry/poll loop every wait goes through: repeat an attempt until it succeeds, the time
// limit passes, or the run is aborted (Ctrl-C); and retryWithBackoff, a bounded number of attempts
// on top of it (probes, registry requests).
import { setTimeout as sleep } from 'node:timers/promises';

export interface PollOptions {
  timeoutMs: number;
  /** Pause after a failed attempt; a function gets that attempt's number (1, 2…) for a backoff. */
  intervalMs?: number | ((failedAttempt: number) => number);
  signal?: AbortSignal;
  /** An error that waiting cannot cure (e.g. bad credentials) is rethrown at once; default: retry all. */
  isRetryable?: (error: unknown) => boolean;
  /** Builds the error thrown at the limit; gets the last attempt's error (kept as cause by callers). */
  onTimeout: (lastError: unknown) => Error;
}

/** Resolves with the first value `attempt` returns; a throw means "not yet". */
export async function pollUntil<T>(attempt: () => Promise<T>, options: PollOptions): Promise<T> {
  const deadline = performance.now() + options.timeoutMs;
  const interval = options.intervalMs ?? 100;
  let lastError: unknown;
  for (let attempts = 1; ; attempts++) {
    options.signal?.throwIfAborted();
    try {
      return await attempt();
    } catch (error) {
      if (options.isRetryable?.(error) === false) throw error;
      lastError = error;
    }
    const left = deadline - performance.now();
    if (left <= 0) throw options.onTimeout(lastError);
    // An aborted sleep rejects with a generic AbortError: rethrow the signal's own reason instead.
    const intervalMs = typeof interval === 'number' ? interval : interval(attempts);
    await sleep(Math.min(intervalMs, left), undefined, { signal: options.signal }).catch(() =>
      options.signal?.throwIfAborted(),
    );
  }
}

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  backoffMs: number;
  signal?: AbortSignal;
}

/** Thrown by an attempt that is not done and may be retried: pollUntil's "not yet". */
const NOT_DONE = Symbol('not done');

/**
 * Bounded retries with exponential backoff (base, 2×base, 4×base…): unlike pollUntil, the limit is
 * a number of attempts and every attempt's outcome is an answer (a probe's last failure is
 * reported, not thrown). Runs `attempt` until it returns `{ done: true }` or the retries are spent;
 * returns the last outcome and the number of attempts made. An attempt that throws ends the
 * retries with its error.
 */
export async function retryWithBackoff<T>(
  attempt: (n: number) => Promise<{ done: boolean; value: T }>,
  options: RetryOptions,
): Promise<{ value: T; attempts: number }> {
  let n = 0;
  return pollUntil(
    async () => {
      n += 1;
      const outcome = await attempt(n);
      if (outcome.done || n > options.retries) return { value: outcome.value, attempts: n };
      throw NOT_DONE;
    },
    {
      // The retry count is the limit: no time limit, so onTimeout is never reached.
      timeoutMs: Number.POSITIVE_INFINITY,
      intervalMs: (failed) => options.backoffMs * 2 ** (failed - 1),
      signal: options.signal,
      isRetryable: (error) => error === NOT_DONE,
      onTimeout: () => new Error(`retryWithBackoff: no time limit, ${options.retries} retries`),
    },
  );
}
