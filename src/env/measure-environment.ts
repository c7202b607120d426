// Figures for the bench: how long the ephemeral services take to become ready, and the engine's
// memory once ready (the engine's own container, from the runtime's stats).
import { randomUUID } from 'node:crypto';
import { getContainerRuntime, RUN_ID_LABEL, SERVICE_LABEL } from './container-runtime.ts';
import { startEphemeralEnvironment } from './testcontainers-provider.ts';

export interface EnvironmentMeasures {
  postgresReadyMs: number;
  searchReadyMs?: number;
  /** Memory used by the engine's container once ready (cgroup usage, bytes). */
  searchMemoryBytes?: number;
}

async function readServiceMemory(runId: string, service: string): Promise<number | undefined> {
  const runtime = await getContainerRuntime();
  const [info] = await runtime.container.dockerode.listContainers({
    filters: { label: [`${RUN_ID_LABEL}=${runId}`, `${SERVICE_LABEL}=${service}`] },
  });
  if (info === undefined) return undefined;
  const stats = await runtime.container.dockerode.getContainer(info.Id).stats({ stream: false });
  return stats.memory_stats?.usage;
}

export async function measureEphemeralEnvironment(
  options: { search?: boolean; signal?: AbortSignal } = {},
): Promise<EnvironmentMeasures> {
  const runId = `bench-${randomUUID().slice(0, 8)}`;
  const env = await startEphemeralEnvironment({ runId, ...options });
  try {
    const searchMemoryBytes = options.search === false ? undefined : await readServiceMemory(runId, 'search');
    return { ...env.timings!, ...(searchMemoryBytes === undefined ? {} : { searchMemoryBytes }) };
  } finally {
    await env.stop();
  }
}
