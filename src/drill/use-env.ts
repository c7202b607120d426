// The environment a drill acts on: connected once per drill file from the descriptor the global
// setup provided, closed when the file's task is done.
import { afterAll, beforeAll, inject } from 'vitest';
import type { ConnectedDrillEnv, DrillEnv } from '../env/index.ts';

let connected: ConnectedDrillEnv | undefined;
let connectedFor: string | undefined;
/** Why this file has no environment although the run wanted one. */
let missing: string | undefined;

/** The connected environment; only inside tests and hooks of a `task()`. */
export function useEnv(): DrillEnv {
  if (connected === undefined) {
    if (missing !== undefined) throw new Error(missing);
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
    const startError = inject('drillEnvError');
    if (startError != null) missing = `${taskId}: no environment: ${startError}`;
    if (descriptor == null) return;
    // Loaded only when the run started an environment: fixture runs never load the clients.
    const { connectDrillEnv } = await import('../env/index.ts');
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
    await env.close();
  });
}
