// Bounded retries with exponential backoff (base, 2×base, 4×base…), honouring an abort signal.

export interface RetryOptions {
  /** Retries after the first attempt. */
  retries: number;
  backoffMs: number;
  signal?: AbortSignal;
}

/**
 * Runs `attempt` until it returns `{ done: true }` or the retries are spent; returns the last
 * outcome and the number of attempts made.
 */
export async function retryWithBackoff<T>(
  attempt: (n: number) => Promise<{ done: boolean; value: T }>,
  options: RetryOptions,
): Promise<{ value: T; attempts: number }> {
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if (outcome.done || n > options.retries) return { value: outcome.value, attempts: n };
    await sleep(options.backoffMs * 2 ** (n - 1), options.signal);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
