// The sensitivity run: the whole plan once as a baseline (every assertion must pass), keeping the
// state each mutated task starts from; then, per mutation, that state put back, the mutation's
// settings set, and the task run alone with the mutation applied in its worker. One environment
// and one vitest instance for all of it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appliedMutationsPath } from '../../drill/apply-mutation.ts';
import type { Mutation } from '../../drill/mutation.ts';
import type { DrillRunContext } from '../../drill/run-context.ts';
import { connectDrillEnv } from '../../env/connect-drill-env.ts';
import { DrillSession, type AssertionOutcome } from './drill-session.ts';
import { EnvironmentSnapshots } from './environment-snapshots.ts';
import { startFaultyService } from './faulty-service.ts';
import type { DeclaredMutations } from './load-mutations.ts';

export interface SensitivityRunOptions {
  /** The run's context, every task of the plan selected. */
  context: DrillRunContext;
  drillsDir: string;
  /** Drill file of each task. */
  files: ReadonlyMap<string, string>;
  mutations: ReadonlyMap<string, DeclaredMutations>;
  /** One mutation per drill (the first it declares), for the tests' representative slice. */
  slice: boolean;
  log(line: string): void;
}

export interface RunOutcome {
  outcomes: AssertionOutcome[];
  problems: string[];
  seconds: number;
}

export interface MutationRun extends RunOutcome {
  task: string;
  mutation: Pick<Mutation, 'id' | 'breaks' | 'description'>;
  /** Whether the drill's worker applied it (a mutation never applied proves nothing). */
  applied: boolean;
}

export interface SensitivityRun {
  baseline: RunOutcome;
  runs: MutationRun[];
  seconds: number;
}

export async function runSensitivity(options: SensitivityRunOptions): Promise<SensitivityRun> {
  const started = performance.now();
  const { context, files, log } = options;
  const session = await DrillSession.open(options.drillsDir);
  await using faulty = await startFaultyService();
  const taken = new Set<string>();
  let snapshots: EnvironmentSnapshots | undefined;
  try {
    const baseline: RunOutcome = { outcomes: [], problems: [], seconds: 0 };
    for (const taskId of context.selectedIds) {
      if (options.mutations.has(taskId) && session.descriptor !== null) {
        snapshots ??= new EnvironmentSnapshots(session.descriptor);
        await snapshots.take(taskId);
        taken.add(taskId);
      }
      const run = await timed(() => session.run([files.get(taskId)!], context, null));
      baseline.outcomes.push(...run.outcomes);
      baseline.problems.push(...run.problems);
      baseline.seconds += run.seconds;
      log(`baseline ${taskId}: ${summarize(run.outcomes)} (${run.seconds.toFixed(1)} s)`);
    }
    const runs: MutationRun[] = [];
    if (baseline.outcomes.some((outcome) => outcome.state === 'failed') || baseline.problems.length > 0)
      return { baseline, runs, seconds: (performance.now() - started) / 1000 };
    for (const taskId of context.selectedIds) {
      const declared = options.mutations.get(taskId);
      if (declared === undefined) continue;
      for (const mutation of options.slice ? declared.mutations.slice(0, 1) : declared.mutations) {
        if (taken.has(taskId)) await snapshots!.restore(taskId);
        const runStatePath = join(context.options.runReportDir, 'sensitivity', mutation.id, 'run-state.json');
        const mutationContext = { ...context, selectedIds: [taskId], runStatePath };
        const active = { task: taskId, id: mutation.id, module: declared.module };
        const restoreEnv = setEnv(mutation.env?.(faulty.url) ?? {});
        const run = await timed(() => session.run([files.get(taskId)!], mutationContext, active)).finally(
          restoreEnv,
        );
        if (mutation.undo !== undefined && session.descriptor !== null) {
          const env = await connectDrillEnv(session.descriptor);
          await mutation.undo(env).finally(() => env.close());
        }
        const applied = await readFile(appliedMutationsPath(runStatePath), 'utf8').catch(() => '');
        const { id, breaks, description } = mutation;
        runs.push({
          ...run,
          task: taskId,
          mutation: { id, breaks, description },
          applied: applied.includes(id),
        });
        const target = run.outcomes.find((outcome) => outcome.id === breaks);
        log(
          `${id}: ${breaks} ${target?.state ?? 'not run'}; ${summarize(run.outcomes)} (${run.seconds.toFixed(1)} s)`,
        );
      }
    }
    return { baseline, runs, seconds: (performance.now() - started) / 1000 };
  } finally {
    await snapshots?.dispose().catch((error: Error) => log(`snapshots not removed: ${error.message}`));
    await session.close();
  }
}

async function timed<T extends object>(work: () => Promise<T>): Promise<T & { seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { ...result, seconds: (performance.now() - started) / 1000 };
}

function summarize(outcomes: readonly AssertionOutcome[]): string {
  const count = (state: AssertionOutcome['state']) => outcomes.filter((o) => o.state === state).length;
  return `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`;
}

/** Sets the variables for the next run's workers; returns what puts the previous values back. */
function setEnv(variables: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
