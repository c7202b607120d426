// Task outcomes recorded between drill files. Files run one at a time in plan order (one worker, no
// file parallelism), so a plain JSON file read at collection time is enough.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type TaskOutcome = 'passed' | 'failed' | 'skipped';

export interface TaskOutcomeRecord {
  outcome: TaskOutcome;
  reason?: string;
}

export type RunState = Record<string, TaskOutcomeRecord>;

export function readRunState(path: string): RunState {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunState;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`cannot read the run state ${path}`, { cause: error });
  }
}

export function recordTaskOutcome(path: string, taskId: string, record: TaskOutcomeRecord): void {
  const state = readRunState(path);
  state[taskId] = record;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Why a task must not run, or undefined when it may: a dependency selected in this run failed, was
 * skipped, or never recorded an outcome (its file crashed). Dependencies outside the selection
 * (`--only`, `--from`) are taken as already done.
 */
export function skipReasonFor(
  dependsOn: readonly string[],
  selectedIds: readonly string[],
  state: RunState,
): string | undefined {
  for (const dependency of dependsOn) {
    if (!selectedIds.includes(dependency)) continue;
    const record = state[dependency];
    if (record === undefined) return `depends on ${dependency}, which did not finish`;
    if (record.outcome !== 'passed')
      return `depends on ${dependency}, which ${record.outcome === 'failed' ? 'failed' : 'was skipped'}`;
  }
  return undefined;
}
