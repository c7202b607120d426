import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/env/index.ts';

describe('pollUntil', () => {
  it('retries until the attempt succeeds and returns its value', async () => {
    let calls = 0;
    const value = await pollUntil(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error(`not yet ${calls}`);
        return 'ready';
      },
      { timeoutMs: 5_000, intervalMs: 1, onTimeout: () => new Error('timeout') },
    );
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('asks a function interval for the pause after each failed attempt, by attempt number', async () => {
    const asked: number[] = [];
    let calls = 0;
    await pollUntil(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error(`not yet ${calls}`);
        return calls;
      },
      {
        timeoutMs: 5_000,
        intervalMs: (failed) => {
          asked.push(failed);
          return 1;
        },
        onTimeout: () => new Error('timeout'),
      },
    );
    expect(asked).toEqual([1, 2]);
  });

  it('throws the onTimeout error, given the last attempt error, at the limit', async () => {
    const last = new Error('connection refused');
    const error = await pollUntil(
      async () => {
        throw last;
      },
      { timeoutMs: 30, intervalMs: 5, onTimeout: (cause) => new Error('not ready after 30 ms', { cause }) },
    ).catch((reason: unknown) => reason as Error);
    expect(error.message).toBe('not ready after 30 ms');
    expect(error.cause).toBe(last);
  });

  it('rethrows at once an error that waiting cannot cure', async () => {
    let calls = 0;
    const fatal = Object.assign(new Error('password authentication failed'), { fatal: true });
    await expect(
      pollUntil(
        async () => {
          calls += 1;
          throw fatal;
        },
        {
          timeoutMs: 5_000,
          isRetryable: (error) => !(error as { fatal?: boolean }).fatal,
          onTimeout: () => new Error('timeout'),
        },
      ),
    ).rejects.toBe(fatal);
    expect(calls).toBe(1);
  });

  it('stops waiting when the signal is aborted', async () => {
    const controller = new AbortController();
    const polling = pollUntil(
      async () => {
        throw new Error('not yet');
      },
      { timeoutMs: 60_000, intervalMs: 10, signal: controller.signal, onTimeout: () => new Error('timeout') },
    );
    setTimeout(() => controller.abort(new Error('Ctrl-C')), 30);
    await expect(polling).rejects.toThrow('Ctrl-C');
  });
});
