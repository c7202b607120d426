// Waits until `GET <path>` answers 200, through the one poll helper: it honours the run's abort
// signal (a Ctrl-C ends the wait at once) and stops early when the container exits.
import {
  getContainerRuntimeClient,
  type BoundPorts,
  type ContainerRuntimeClient,
  type WaitStrategy,
} from 'testcontainers';
import { pollUntil } from './poll-until.ts';

type DockerContainer = ReturnType<ContainerRuntimeClient['container']['getById']>;

class ContainerExited extends Error {
  override name = 'ContainerExited';
}

export function waitForHttpOk(path: string, port: number, signal?: AbortSignal): WaitStrategy {
  let timeoutMs = 60_000;
  let timeoutSet = false;
  const strategy: WaitStrategy = {
    async waitUntilReady(container: DockerContainer, boundPorts: BoundPorts) {
      const host = (await getContainerRuntimeClient()).info.containerRuntime.host;
      const url = `http://${host}:${boundPorts.getBinding(port)}${path}`;
      await pollUntil(
        async () => {
          const state = (await container.inspect()).State;
          if (!state.Running) throw new ContainerExited(`the container exited with code ${state.ExitCode}`);
          const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
          await response.body?.cancel();
          if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
        },
        {
          timeoutMs,
          intervalMs: 250,
          signal,
          isRetryable: (error) => !(error instanceof ContainerExited),
          onTimeout: (lastError) =>
            new Error(
              `GET ${path} on port ${port} did not answer 200 within ${timeoutMs} ms` +
                (lastError instanceof Error ? ` (last: ${lastError.message})` : ''),
              { cause: lastError },
            ),
        },
      );
    },
    withStartupTimeout(startupTimeoutMs: number) {
      timeoutMs = startupTimeoutMs;
      timeoutSet = true;
      return strategy;
    },
    isStartupTimeoutSet: () => timeoutSet,
    getStartupTimeout: () => timeoutMs,
  };
  return strategy;
}
