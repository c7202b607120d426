// Medians over the earlier runs, and which tasks of this run are slower than 1.5× theirs.
import { median } from '../../forecast/index.ts';
import type { HistoryEntry } from './history-entry.ts';

/** A task is flagged when it takes longer than this many times its median. */
export const SLOW_FACTOR = 1.5;

export interface TaskTrend {
  id: string;
  /** Median of the task's passed durations in earlier runs; undefined when it never passed before. */
  medianSeconds: number | undefined;
  actualSeconds: number;
  /** Number of earlier runs the median is taken over. */
  runs: number;
  slow: boolean;
}

/**
 * The current run's tasks against the earlier runs. Only passed runs of a task count: a task that
 * failed early or was skipped says nothing about how long it takes.
 */
export function taskTrends(current: HistoryEntry, earlier: readonly HistoryEntry[]): TaskTrend[] {
  return current.tasks.map((task) => {
    const durations = earlier.flatMap((entry) =>
      entry.tasks.filter((t) => t.id === task.id && t.status === 'passed').map((t) => t.actualSeconds),
    );
    const medianSeconds = median(durations);
    return {
      id: task.id,
      medianSeconds,
      actualSeconds: task.actualSeconds,
      runs: durations.length,
      slow:
        task.status === 'passed' &&
        medianSeconds !== undefined &&
        medianSeconds > 0 &&
        task.actualSeconds > SLOW_FACTOR * medianSeconds,
    };
  });
}
