// Applies the mutation of a sensitivity run inside the drill it targets: before the task's action
// (a beforeAll registered after the environment's connection, before the drill's own hooks), or
// where the drill says its action is done. Each mutation applied is written down for the run.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { DrillMutations, Mutation } from './mutation.ts';
import { useEnv } from './use-env.ts';

/** The mutation of this sensitivity run: its task, its id, the module that declares it. */
export interface ActiveMutation {
  task: string;
  id: string;
  module: string;
}

declare module 'vitest' {
  interface ProvidedContext {
    /** Absent or null outside a sensitivity run's mutation runs. */
    drillMutation: ActiveMutation | null;
  }
}

/** Where a run lists the mutations it applied, one id a line, beside its run state. */
export function appliedMutationsPath(runStatePath: string): string {
  return join(dirname(runStatePath), 'applied-mutations.txt');
}

let waiting: { mutation: Mutation; record: string } | undefined;

export function registerMutationHooks(taskId: string, runStatePath: string): void {
  beforeAll(async () => {
    const active = inject('drillMutation');
    if (active == null || active.task !== taskId) return;
    const declared = ((await import(active.module)) as { default: DrillMutations }).default;
    const mutation = declared.mutations.find((candidate) => candidate.id === active.id);
    if (mutation === undefined)
      throw new Error(`${taskId}: ${active.module} declares no mutation ${active.id}`);
    const record = appliedMutationsPath(runStatePath);
    if (mutation.at === 'before-action') await applyNow(mutation, record);
    else waiting = { mutation, record };
  });
  afterAll(() => {
    const left = waiting;
    waiting = undefined;
    if (left !== undefined)
      throw new Error(
        `${taskId}: mutation ${left.mutation.id} waits for actionDone(), which the drill never called`,
      );
  });
}

/** The drill's action is done, its checks follow: a mutation of what the action produced applies here. */
export async function actionDone(): Promise<void> {
  const pending = waiting;
  waiting = undefined;
  if (pending !== undefined) await applyNow(pending.mutation, pending.record);
}

async function applyNow(mutation: Mutation, record: string): Promise<void> {
  await mutation.apply?.(useEnv());
  mkdirSync(dirname(record), { recursive: true });
  appendFileSync(record, `${mutation.id}\n`);
}
