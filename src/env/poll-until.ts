// The one retry/poll helper every wait of the environment uses: repeat an attempt until it
// succeeds, the time limit passes, or the run is aborted (Ctrl-C).
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
