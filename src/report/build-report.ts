// Derives the whole run record once, at the end, from the plan and vitest's final test modules.
import type { TestModule } from 'vitest/node';
import type { DrillRunContext, SetupPhase } from '../drill/run-context.ts';
import { drillFileTaskId } from '../run/drill-files.ts';
import { actualCriticalPathSeconds } from './critical-path.ts';
import type { DrillRunRecord, TaskRecord, Verdict } from './report-record.ts';
import { readTaskResult, type TaskResult } from './task-result.ts';

export interface BuildReportInput {
  context: DrillRunContext;
  modules: readonly TestModule[];
  /** Errors outside any test (vitest's unhandled errors): they fail the run. */
  runErrors: readonly { message: string }[];
  startedAt: Date;
  finishedAt: Date;
  /** The global setup's steps before the first task (they may start before the reporter's startedAt). */
  setupPhases?: readonly SetupPhase[];
}

export function buildReport({
  context,
  modules,
  runErrors,
  startedAt: reporterStartedAt,
  finishedAt,
  setupPhases = [],
}: BuildReportInput): DrillRunRecord {
  const startedAt = new Date(
    Math.min(reporterStartedAt.getTime(), ...setupPhases.map((phase) => Date.parse(phase.startedAt))),
  );
  const { plan, options, selectedIds } = context;
  const moduleOf = new Map(modules.map((module) => [drillFileTaskId(module.moduleId), module]));
  const planTasks = plan.tasks.filter((task) => selectedIds.includes(task.id));
  const results = new Map<string, TaskResult>(
    planTasks.map((task) => {
      const module = moduleOf.get(task.id);
      return [task.id, module === undefined ? notRun() : readTaskResult(task.id, module)];
    }),
  );
  const tasks: TaskRecord[] = planTasks.map((task) => {
    const result = results.get(task.id) as TaskResult;
    return {
      id: task.id,
      label: task.label,
      section: task.section,
      estimateSeconds: task.estimateSeconds,
      actualSeconds: secondsBetween(result.startedAt, result.endedAt),
      status: result.status,
      assertions: result.assertions.length,
      skippedAssertions: result.assertions
        .filter((assertion) => assertion.status === 'skipped')
        .map((assertion) => assertion.name),
      failures: result.failures,
      warnings: result.warnings,
      measures: result.measures,
      ...(result.status === 'skipped' && result.skipReason !== undefined
        ? { skipReason: result.skipReason }
        : {}),
    };
  });
  const totalSeconds = round(tasks.reduce((sum, task) => sum + task.actualSeconds, 0));
  const failed = runErrors.length > 0 || tasks.some((task) => task.status === 'failed');
  const verdict: Verdict = failed ? 'failed' : totalSeconds > plan.budgetSeconds ? 'over-budget' : 'passed';
  return {
    report: {
      runId: options.runId,
      target: options.target,
      runbook: { path: plan.path, budgetSeconds: plan.budgetSeconds },
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      totalSeconds,
      wallSeconds: secondsBetween(startedAt.getTime(), finishedAt.getTime()),
      setup: setupPhases.map((phase) => ({ name: phase.name, seconds: round(phase.seconds) })),
      criticalPathSeconds: round(
        actualCriticalPathSeconds(planTasks, new Map(tasks.map((t) => [t.id, t.actualSeconds]))),
      ),
      verdict,
      tasks,
      lint: plan.lint,
    },
    assertions: planTasks.flatMap((task) => {
      const { assertions, taskFailures } = results.get(task.id) as TaskResult;
      // junit shows a task that broke outside its assertions as one more failed case.
      if (taskFailures.length === 0) return assertions;
      return [
        ...assertions,
        {
          taskId: task.id,
          name: `${task.id} loading and hooks`,
          status: 'failed' as const,
          seconds: 0,
          failures: taskFailures,
        },
      ];
    }),
  };
}

const notRunFailure = {
  message: 'its drill file did not run: the run stopped before it (see the run output)',
};

/** A selected task whose file never ran: the run broke before it (environment, interruption). */
function notRun(): TaskResult {
  return {
    status: 'failed',
    startedAt: undefined,
    endedAt: undefined,
    assertions: [],
    taskFailures: [notRunFailure],
    failures: [notRunFailure],
    warnings: [],
    measures: [],
    skipReason: undefined,
  };
}

function secondsBetween(start: number | undefined, end: number | undefined): number {
  return start === undefined || end === undefined ? 0 : round((end - start) / 1000);
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
