// Bounded retries with exponential backoff (base, 2×base, 4×base…), honouring an abort signal.
// Its job differs from pollUntil's: the limit is a number of attempts, and every attempt's outcome
// is an answer (a probe's last failure is reported, not thrown), so it keeps its own signature; the
// waiting itself is pollUntil's, the one loop and abortable sleep every wait goes through.
import { pollUntil } from '../env/poll-until.ts';

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  backoffMs: number;
  signal?: AbortSignal;
}

/** Thrown by an attempt that is not done and may be retried: pollUntil's "not yet". */
const NOT_DONE = Symbol('not done');

/**
 * Runs `attempt` until it returns `{ done: true }` or the retries are spent; returns the last
 * outcome and the number of attempts made. An attempt that throws ends the retries with its error.
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
