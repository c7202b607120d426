// What the main process hands to every drill file (vitest `provide`/`inject`): the run's options,
// the plan, which tasks were selected and where task outcomes are recorded between files.
import { inject } from 'vitest';
import type { DrillEnvDescriptor, DrillTarget } from '../env/drill-env.ts';
import type { Plan } from '../runbook/plan.ts';

export interface DrillRunOptions {
  target: DrillTarget;
  runId: string;
  runbookPath: string;
  /** Root of the reports (`--reports`, default `reports/`). */
  reportsDir: string;
  /** This run's own folder, `<reportsDir>/<runId>`: drills may leave evidence there. */
  runReportDir: string;
  dryRun: boolean;
}

export interface DrillRunContext {
  options: DrillRunOptions;
  plan: Plan;
  /** Ids of the tasks this run executes (`--only`/`--from`), in plan order. */
  selectedIds: string[];
  /** JSON file where each task's outcome is recorded for the tasks that depend on it. */
  runStatePath: string;
  /** Whether the drills project's global setup starts an environment (false for fixture runs). */
  startEnvironment: boolean;
}

/** A step of the run outside its tasks (environment start, backup fixture…), timed by the global setup. */
export interface SetupPhase {
  name: string;
  /** ISO 8601. */
  startedAt: string;
  seconds: number;
}

declare module 'vitest' {
  interface ProvidedContext {
    drillRun: DrillRunContext;
    /** Set by the global setup; null when the run started no environment. */
    drillEnv: DrillEnvDescriptor | null;
    /** Why the global setup could not start the environment (with its causes), if it could not. */
    drillEnvError: string | null;
    /** What the global setup did before the first task, in order, for the report's wall time. */
    drillSetupPhases: SetupPhase[];
  }
}

/** The run context, or a clear error when a drill file is run outside `cdtn-drill run`. */
export function getRunContext(): DrillRunContext {
  const context = inject('drillRun');
  if (context === undefined) {
    throw new Error(
      'drill files run through `cdtn-drill run` (npm run drill), not vitest directly: no run context was provided',
    );
  }
  return context;
}

export function useRunOptions(): DrillRunOptions {
  return getRunContext().options;
}
