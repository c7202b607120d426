import { describe, expect, it } from 'vitest';
import type { HistoryEntry, HistoryTask } from './history-entry.ts';
import { median } from '../../forecast/index.ts';
import { SLOW_FACTOR, taskTrends } from './task-trends.ts';

function entry(runId: string, tasks: HistoryTask[]): HistoryEntry {
  const totalSeconds = tasks.reduce((sum, task) => sum + task.actualSeconds, 0);
  return {
    runId,
    startedAt: runId,
    target: 'ephemeral',
    verdict: 'passed',
    totalSeconds,
    budgetSeconds: 600,
    tasks,
  };
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});

describe('taskTrends', () => {
  const earlier = [10, 12, 14].map((seconds, index) =>
    entry(`r${index}`, [
      { id: 'a', actualSeconds: seconds, status: 'passed' },
      // A failed or skipped run of b says nothing of its duration.
      { id: 'b', actualSeconds: index === 0 ? 100 : 1, status: index === 0 ? 'failed' : 'passed' },
    ]),
  );

  it(`flags a passed task slower than ${SLOW_FACTOR}× its median of passed runs, and only that`, () => {
    const current = entry('now', [
      { id: 'a', actualSeconds: 12 * SLOW_FACTOR + 0.01, status: 'passed' },
      { id: 'b', actualSeconds: SLOW_FACTOR, status: 'passed' },
      { id: 'c', actualSeconds: 50, status: 'passed' },
    ]);
    expect(taskTrends(current, earlier)).toEqual([
      { id: 'a', medianSeconds: 12, actualSeconds: 12 * SLOW_FACTOR + 0.01, runs: 3, slow: true },
      { id: 'b', medianSeconds: 1, actualSeconds: SLOW_FACTOR, runs: 2, slow: false },
      { id: 'c', medianSeconds: undefined, actualSeconds: 50, runs: 0, slow: false },
    ]);
  });

  it('does not flag a task that failed this time, however long it took', () => {
    const current = entry('now', [{ id: 'a', actualSeconds: 1000, status: 'failed' }]);
    expect(taskTrends(current, earlier)[0]?.slow).toBe(false);
  });
});
