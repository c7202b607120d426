// The ephemeral environment: PostgreSQL and the search engine in containers labelled with the run
// id. A start that fails (or is aborted) half-way removes what it started before rethrowing.
import type { StartedTestContainer } from 'testcontainers';
import { getContainerRuntime, removeContainersOfRun } from './container-runtime.ts';
import { EnvError } from './env-error.ts';
import { loadEphemeralConfig } from './ephemeral-config.ts';
import { startPostgresContainer } from './postgres-container.ts';
import { startSearchContainer } from './search-container.ts';
import type { StartedEnvironment, StartEnvironmentOptions } from './started-environment.ts';

/**
 * Settles with the step, or rejects as soon as the signal aborts (a container start cannot be
 * interrupted): a container the step still delivers afterwards is stopped when it arrives.
 */
async function untilAborted<T extends { container: StartedTestContainer }>(
  step: Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (signal === undefined) return step;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      step
        .then(
          (late) => late.container.stop(),
          () => {},
        )
        .catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    step.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export async function startEphemeralEnvironment(
  options: Omit<StartEnvironmentOptions, 'target'>,
): Promise<StartedEnvironment> {
  const config = loadEphemeralConfig();
  const { runId, signal } = options;
  signal?.throwIfAborted();
  const runtime = await getContainerRuntime();
  const containers: StartedTestContainer[] = [];
  const stop = async (): Promise<void> => {
    const stopping = containers
      .splice(0)
      .map((container) => container.stop({ remove: true, removeVolumes: true }));
    const results = await Promise.allSettled(stopping);
    await removeContainersOfRun(runId);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed)
      throw new EnvError(`ephemeral environment of run ${runId}: a container did not stop cleanly`, {
        cause: failed.reason,
      });
  };
  try {
    const postgres = await untilAborted(
      startPostgresContainer(runtime, {
        image: config.pgImage,
        runId,
        timeoutMs: config.pgTimeoutMs,
        signal,
      }),
      signal,
    );
    containers.push(postgres.container);
    const search =
      options.search === false
        ? undefined
        : await untilAborted(
            startSearchContainer(runtime, {
              image: config.searchImage,
              runId,
              timeoutMs: config.searchTimeoutMs,
              signal,
            }),
            signal,
          );
    if (search) containers.push(search.container);
    return {
      descriptor: {
        target: 'ephemeral',
        runId,
        pg: postgres.endpoint,
        ...(search ? { search: search.endpoint } : {}),
      },
      timings: { postgresReadyMs: postgres.readyMs, ...(search ? { searchReadyMs: search.readyMs } : {}) },
      stop,
    };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
