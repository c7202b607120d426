// Runs the selected drill files through vitest's Node API, in one worker, in plan order.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancelReason } from 'vitest';
import { createVitest, type Reporter, type Vitest } from 'vitest/node';
import type { DrillRunContext } from '../drill/run-context.ts';
import { DRILLS_DIR_VARIABLE } from './drills-project.ts';
import { PlanSequencer } from './plan-sequencer.ts';

/** The repository root: where vitest.config.ts is. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunDrillsOptions {
  context: DrillRunContext;
  drillsDir: string;
  /** Absolute or cwd-relative paths of the drill files to run (already bound and selected). */
  files: string[];
  reporters: Reporter[];
  /** Cancels the run when aborted (the cluster run lost its Lease); its reason ends up in `cancelled`. */
  signal?: AbortSignal;
}

export interface RunDrillsResult {
  /** False when vitest itself reported errors outside the tests (unhandled errors, setup failure). */
  ok: boolean;
  /** The signal that cut the run short (Ctrl-C), if any. */
  interruptedBy?: NodeJS.Signals;
  /** Why `signal` cancelled the run. */
  cancelled?: string;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** vitest on the drills project of `drillsDir`, files in plan order; `silent` keeps the console quiet. */
export async function createDrillsVitest(
  drillsDir: string,
  reporters: (Reporter | 'default')[],
  silent?: 'silent',
): Promise<Vitest> {
  // The drills project reads its include glob from this variable when vitest.config.ts loads.
  process.env[DRILLS_DIR_VARIABLE] = relative(PROJECT_ROOT, resolve(drillsDir)) || '.';
  return createVitest({
    root: PROJECT_ROOT,
    config: resolve(PROJECT_ROOT, 'vitest.config.ts'),
    project: ['drills'],
    watch: false,
    reporters,
    sequence: { sequencer: PlanSequencer },
    ...(silent === undefined ? {} : { silent: true }),
  });
}

export async function runDrills({
  context,
  drillsDir,
  files,
  reporters,
  signal: abort,
}: RunDrillsOptions): Promise<RunDrillsResult> {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const vitest = await createDrillsVitest(drillsDir, ['default', ...reporters]);
  // vitest exits 1 ms after a Ctrl-C: too soon for the global setup to stop the containers. Here the
  // first signal cancels the run (the global setup stops the environment, teardown runs); a second
  // one exits at once.
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  }
  let interruptedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interruptedBy !== undefined) process.exit(130);
    interruptedBy = signal;
    void vitest.cancelCurrentRun('keyboard-input');
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  let cancelled: string | undefined;
  const onAbort = (): void => {
    cancelled = abort?.reason instanceof Error ? abort.reason.message : String(abort?.reason ?? 'aborted');
    void vitest.cancelCurrentRun('aborted' as CancelReason);
  };
  abort?.addEventListener('abort', onAbort, { once: true });
  try {
    vitest.getProjectByName('drills').provide('drillRun', context);
    const result = await vitest.start(files.map((file) => resolve(file)));
    return {
      ok: result.unhandledErrors.length === 0,
      ...(interruptedBy === undefined ? {} : { interruptedBy }),
      ...(cancelled === undefined ? {} : { cancelled }),
    };
  } catch (error) {
    if (interruptedBy !== undefined) return { ok: false, interruptedBy };
    throw error;
  } finally {
    await vitest.close();
    for (const name of SIGNALS) process.off(name, onSignal);
    abort?.removeEventListener('abort', onAbort);
  }
}
