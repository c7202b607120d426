// What starting an environment returns, whichever the provider.
import type { DrillEnvDescriptor, DrillTarget } from './drill-env.ts';

export interface StartEnvironmentOptions {
  target: DrillTarget;
  runId: string;
  /** Aborting stops what was started once the step in progress ends, then rejects. */
  signal?: AbortSignal;
  /** Start (ephemeral) or check (cluster) the search engine; default true. */
  search?: boolean;
}

export interface EnvironmentTimings {
  /** From the start call to the first query answered. */
  postgresReadyMs: number;
  /** From the engine's start to `GET /` answering 200. */
  searchReadyMs?: number;
}

export interface StartedEnvironment {
  descriptor: DrillEnvDescriptor;
  /** Ephemeral only: how long each service took to become ready. */
  timings?: EnvironmentTimings;
  /** Stops and removes what was started (nothing for a cluster); safe to call twice. */
  stop(): Promise<void>;
}
