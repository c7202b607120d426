// What every end-to-end run must show: its report written, nothing of it left running, and for a
// fault, the failure at the right task with dependents skipped and the earlier tasks passed.
import { expect } from 'vitest';
import { dependentsOf, type Plan } from '../../src/runbook/index.ts';
import type { DrillRun } from './drill-run.ts';

export function expectNothingLeft(run: DrillRun): void {
  expect(run.leftoverContainers, `containers of run ${run.runId}`).toEqual([]);
  expect(run.leftoverProcesses, 'processes started under the CLI').toEqual([]);
}

export interface ExpectedFailure {
  /** The task that must fail. */
  taskId: string;
  /** The tasks the run selected, in plan order. */
  selected: readonly string[];
  /** Each must appear in the failed task's failure messages (the cause named). */
  naming: readonly (string | RegExp)[];
}

/** Exit 1, verdict failed at `taskId`; selected tasks before it passed, its selected dependents skipped saying why. */
export function expectFailedAt(run: DrillRun, plan: Plan, failure: ExpectedFailure): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.report, `report.json of run ${run.runId}`).toBeDefined();
  const report = run.report!;
  expect(report.verdict).toBe('failed');
  expect(report.tasks.map((task) => task.id)).toEqual(failure.selected);
  const dependents = dependentsOf(plan, failure.taskId);
  const index = failure.selected.indexOf(failure.taskId);
  for (const task of report.tasks) {
    const position = failure.selected.indexOf(task.id);
    if (position < index) expect(task.status, `${task.id} before ${failure.taskId}`).toBe('passed');
    else if (dependents.includes(task.id)) {
      expect(task.status, `${task.id} depends on ${failure.taskId}`).toBe('skipped');
      expect(task.skipReason).toMatch(/^depends on \w+, which (failed|was skipped)$/);
    }
  }
  const failed = report.tasks[index]!;
  expect(failed.status).toBe('failed');
  const messages = failed.failures.map((entry) => entry.message).join('\n');
  for (const part of failure.naming) {
    if (typeof part === 'string') expect(messages).toContain(part);
    else expect(messages).toMatch(part);
  }
  expectNothingLeft(run);
}
