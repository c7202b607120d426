import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendHistory, historyPath, readHistory } from './history-file.ts';
import type { HistoryEntry } from './history-entry.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-history-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const run = (runId: string): HistoryEntry => ({
  runId,
  startedAt: '2026-11-27T06:00:00.000Z',
  target: 'ephemeral',
  verdict: 'passed',
  totalSeconds: 1,
  budgetSeconds: 2,
  tasks: [{ id: 'tt2', actualSeconds: 1, status: 'passed' }],
});

describe('history.jsonl', () => {
  it('reads back the runs appended, oldest first; no file is no run', async () => {
    expect(await readHistory(join(dir, 'none'))).toEqual([]);
    await appendHistory(dir, run('one'));
    await appendHistory(dir, run('two'));
    expect(await readHistory(dir)).toEqual([run('one'), run('two')]);
  });

  it('names the file and line of a line that is not a run', async () => {
    await writeFile(historyPath(dir), `${JSON.stringify(run('one'))}\n{"runId":\n`);
    await expect(readHistory(dir)).rejects.toThrow(`${historyPath(dir)}:2: expected one JSON run per line`);
    await writeFile(historyPath(dir), '{"verdict":"passed"}\n');
    await expect(readHistory(dir)).rejects.toThrow(`${historyPath(dir)}:1: expected a run with runId`);
  });
});
