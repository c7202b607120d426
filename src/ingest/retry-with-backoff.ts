// Bounded retries with exponential back-off for transient registry failures; honours the abort signal.
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryOptions {
  retries: number;
  backoffMs: number;
  signal?: AbortSignal;
  /** Only errors for which this returns true are retried; others are thrown at once. */
  isRetryable: (error: unknown) => boolean;
}

export interface RetryFailure {
  attempts: number;
  lastError: unknown;
}

/** Runs `attempt` until it succeeds; after the last retry, calls `onGiveUp` to build the error. */
export async function retryWithBackoff<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions,
  onGiveUp: (failure: RetryFailure) => Error,
): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (options.signal?.aborted || !options.isRetryable(error)) throw error;
      if (attemptNumber > options.retries) throw onGiveUp({ attempts: attemptNumber, lastError: error });
      await sleep(options.backoffMs * 2 ** (attemptNumber - 1), undefined, { signal: options.signal });
    }
  }
}
