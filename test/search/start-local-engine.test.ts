import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startLocalEngine } from './start-local-engine.ts';

const homes = async (): Promise<string[]> =>
  (await readdir(tmpdir())).filter((name) => name.startsWith('cdtn-drill-opensearch-'));

describe('startLocalEngine', () => {
  it('reports an engine that dies before answering, with the last lines of its log', async () => {
    const start = startLocalEngine('opensearch', { settings: { 'drill.no.such.setting': 'x' } });
    await expect(start).rejects.toThrow(
      /^local opensearch on port \d+: the process exited with 1 before answering/,
    );
    await expect(start).rejects.toThrow(/last log lines:\n.*unknown setting \[drill.no.such.setting\]/s);
  });

  it('gives up at its limit, stopping the process and removing its home', async () => {
    const before = await homes();
    const start = startLocalEngine('opensearch', { timeoutMs: 1_000 });
    await expect(start).rejects.toThrow(
      /^local opensearch on port \d+: not healthy after 1000 ms .*; last log lines:/s,
    );
    expect(await homes()).toEqual(before);
  });
});
