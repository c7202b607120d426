// Drill binding: every runbook task has exactly one drill file and every drill file names a task.
// Checked on the whole plan before anything runs: this makes the harness a regression test of the
// runbook.
import type { Plan } from '../runbook/plan.ts';
import type { DrillFile } from './drill-files.ts';

export interface CoverageProblems {
  /** Tasks with no drill file, in plan order. */
  missing: string[];
  /** Drill files whose id is not a task of the runbook. */
  extra: DrillFile[];
  /** Tasks bound to more than one drill file. */
  duplicated: { taskId: string; paths: string[] }[];
}

export class CoverageError extends Error {
  override name = 'CoverageError';
  readonly problems: CoverageProblems;

  constructor(plan: Plan, drillsDir: string, problems: CoverageProblems) {
    const label = (id: string): string =>
      `${id} (${plan.tasks.find((task) => task.id === id)?.label ?? '?'})`;
    const lines = [
      ...(problems.missing.length > 0
        ? [`runbook tasks with no drill file in ${drillsDir}: ${problems.missing.map(label).join(', ')}`]
        : []),
      ...(problems.extra.length > 0
        ? [
            `drill files naming no task of ${plan.path}: ${problems.extra.map((file) => `${file.path} (${file.taskId})`).join(', ')}`,
          ]
        : []),
      ...problems.duplicated.map(
        ({ taskId, paths }) => `task ${taskId} has several drill files: ${paths.join(', ')}`,
      ),
    ];
    super(`drill coverage of the runbook failed:\n  ${lines.join('\n  ')}`);
    this.problems = problems;
  }
}

/** The drill file of each task, in plan order; throws CoverageError naming every problem. */
export function bindDrillFiles(
  plan: Plan,
  drillsDir: string,
  files: readonly DrillFile[],
): Map<string, string> {
  const taskIds = new Set(plan.tasks.map((task) => task.id));
  const problems: CoverageProblems = {
    missing: plan.tasks
      .filter((task) => !files.some((file) => file.taskId === task.id))
      .map((task) => task.id),
    extra: files.filter((file) => !taskIds.has(file.taskId)),
    duplicated: plan.tasks
      .map((task) => ({
        taskId: task.id,
        paths: files.filter((file) => file.taskId === task.id).map((file) => file.path),
      }))
      .filter(({ paths }) => paths.length > 1),
  };
  if (problems.missing.length + problems.extra.length + problems.duplicated.length > 0) {
    throw new CoverageError(plan, drillsDir, problems);
  }
  return new Map(
    plan.tasks.map((task) => [task.id, files.find((file) => file.taskId === task.id)?.path as string]),
  );
}
