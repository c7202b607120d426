// The environment a drill acts on: connected once per drill file from the descriptor the global
// setup provided, closed when the file's task is done.
import { afterAll, beforeAll, inject } from 'vitest';
import type { DrillEnv, DrillEnvDescriptor } from '../env/drill-env.ts';

// TODO(runner): import '../env/index.ts' directly once src/env lands (it exports connectDrillEnv).
const ENV_MODULE = '../env/index.ts';
interface EnvModule {
  connectDrillEnv(descriptor: DrillEnvDescriptor): Promise<DrillEnv>;
}

let connected: DrillEnv | undefined;
let connectedFor: string | undefined;

/** The connected environment; only inside tests and hooks of a `task()`. */
export function useEnv(): DrillEnv {
  if (connected === undefined) {
    const where =
      connectedFor === undefined ? 'outside a task() or before its tests run' : `in ${connectedFor}`;
    throw new Error(
      `useEnv(): no environment ${where}: the run started none (fixture run) or it is called at collection time`,
    );
  }
  return connected;
}

/** Registers the connect/close hooks of one task's suite. */
export function registerEnvHooks(taskId: string): void {
  beforeAll(async () => {
    connectedFor = taskId;
    const descriptor = inject('drillEnv');
    if (descriptor == null) return;
    // Loaded only when the run started an environment: fixture runs never load the clients.
    const { connectDrillEnv } = (await import(ENV_MODULE)) as EnvModule;
    try {
      connected = await connectDrillEnv(descriptor);
    } catch (error) {
      throw new Error(
        `${taskId}: cannot connect to the ${descriptor.target} environment of run ${descriptor.runId}`,
        { cause: error },
      );
    }
  });
  afterAll(async () => {
    const env = connected;
    connected = undefined;
    if (env === undefined) return;
    await Promise.all([env.pg.end(), env.search.close()]);
  });
}
