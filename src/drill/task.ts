// `task('<gantt id>', body)`: binds a drill file to its runbook task. The suite is titled after the
// plan ("tt2 — Restauration du backup"), skipped with the reason when a task it depends on did not
// pass, and its outcome is recorded for the tasks after it.
import { afterAll, beforeAll, describe, TestRunner } from 'vitest';
import type { RunnerTask, RunnerTestSuite } from 'vitest';
import { basename } from 'node:path';
import { registerMutationHooks } from './apply-mutation.ts';
import { flushPendingMeta } from './drill-meta.ts';
import { getRunContext } from './run-context.ts';
import { readRunState, recordTaskOutcome, skipReasonFor, type TaskOutcome } from './run-state.ts';
import { registerEnvHooks } from './use-env.ts';

export function task(id: string, body: () => void): void {
  const context = getRunContext();
  const planTask = context.plan.tasks.find((candidate) => candidate.id === id);
  if (planTask === undefined) {
    throw new Error(`task('${id}'): the runbook ${context.plan.path} has no task ${id}`);
  }
  const file = basename(TestRunner.getCurrentSuite().file.filepath);
  if (!file.startsWith(`${id}.`)) {
    throw new Error(
      `task('${id}') is declared in ${file}: a drill file is named after its task, ${id}.<slug>.drill.ts`,
    );
  }
  const title = `${id} — ${planTask.label}`;
  const skipReason = skipReasonFor(
    planTask.dependsOn,
    context.selectedIds,
    readRunState(context.runStatePath),
  );
  if (skipReason !== undefined) {
    recordTaskOutcome(context.runStatePath, id, { outcome: 'skipped', reason: skipReason });
    describe(title, { skip: true, meta: { drill: { skipReason } } }, body);
    return;
  }
  describe(title, () => {
    // The task's span covers its hooks: an action done in a drill's beforeAll counts in the task.
    // vitest reads a hook's first parameter as fixtures and wants a destructuring pattern there.
    // eslint-disable-next-line no-empty-pattern
    beforeAll(({}, suite) => {
      (suite.meta.drill ??= {}).startedAt = Date.now();
    });
    // After-hooks run in stack order: registered first, this one runs last.
    // eslint-disable-next-line no-empty-pattern
    afterAll(({}, suite) => {
      const meta = (suite.meta.drill ??= {});
      meta.endedAt = Date.now();
      flushPendingMeta(meta);
      recordTaskOutcome(context.runStatePath, id, { outcome: outcomeOf(suite) });
    });
    registerEnvHooks(id);
    registerMutationHooks(id, context.runStatePath);
    body();
  });
}

function outcomeOf(suite: Readonly<RunnerTestSuite>): TaskOutcome {
  if ((suite.result?.errors?.length ?? 0) > 0) return 'failed';
  const states = testStates(suite.tasks);
  if (states.includes('fail')) return 'failed';
  return states.length > 0 && states.every((state) => state === 'skip' || state === 'todo')
    ? 'skipped'
    : 'passed';
}

function testStates(tasks: readonly RunnerTask[]): string[] {
  return tasks.flatMap((child) =>
    child.type === 'suite' ? testStates(child.tasks) : [child.result?.state ?? child.mode],
  );
}
