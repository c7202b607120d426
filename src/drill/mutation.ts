// Mutations: real breakages of the environment a drill's assertion guards, declared next to the
// drill (drills/<id>.<slug>.mutations.ts) and applied by `cdtn-drill sensitivity`, one per run, to
// prove that the assertion fails when what it guards is broken.
import type { DrillEnv } from '../env/drill-env.ts';

/**
 * When the mutation is applied: before the task's action (tasks without one: before their checks),
 * or between its action and its checks (where the drill calls `actionDone()`).
 */
export type MutationMoment = 'before-action' | 'after-action';

export interface Mutation {
  /** `<assertion id>.<what it breaks>`, e.g. `tt2.totals.row-deleted`. */
  id: string;
  /** The assertion id that must fail, e.g. `tt2.totals`. */
  breaks: string;
  /** What is broken, in a sentence: the report shows it beside the message that named it. */
  description: string;
  at: MutationMoment;
  /** The breakage, in the drill's worker, on the drill's own environment. */
  apply?(env: DrillEnv): Promise<void>;
  /**
   * Settings the run starts with (set before the drill files load), e.g. a side service's URL
   * pointed at `faultyUrl`, a local service that answers 500 to everything.
   */
  env?(faultyUrl: string): Record<string, string>;
  /** Undoes what the sensitivity run's database and index resets do not (engine settings…). */
  undo?(env: DrillEnv): Promise<void>;
}

export interface DrillMutations {
  task: string;
  mutations: Mutation[];
}

export function defineMutations(declared: DrillMutations): DrillMutations {
  const foreign = declared.mutations.filter((m) => !m.breaks.startsWith(`${declared.task}.`));
  if (foreign.length > 0)
    throw new Error(
      `mutations of ${declared.task}: ${foreign.map((m) => m.id).join(', ')} break another task's assertions`,
    );
  return declared;
}
