// Wraps a Testcontainers wait strategy so that a container that does not become ready is reported
// with its last log lines (read before Testcontainers removes it).
import type { BoundPorts, ContainerRuntimeClient, WaitStrategy } from 'testcontainers';
import { readLastLogLines } from './container-runtime.ts';

type DockerContainer = ReturnType<ContainerRuntimeClient['container']['getById']>;

export class NotReadyWithLogs extends Error {
  override name = 'NotReadyWithLogs';
  readonly logLines: string[];
  constructor(logLines: string[], cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.logLines = logLines;
  }
}

export function withLogsOnFailure(inner: WaitStrategy): WaitStrategy {
  const strategy: WaitStrategy = {
    async waitUntilReady(container: DockerContainer, boundPorts: BoundPorts, startTime?: Date) {
      try {
        await inner.waitUntilReady(container, boundPorts, startTime);
      } catch (error) {
        const lines = await readLastLogLines(container).catch(() => []);
        throw new NotReadyWithLogs(lines, error);
      }
    },
    withStartupTimeout(startupTimeoutMs: number) {
      inner.withStartupTimeout(startupTimeoutMs);
      return strategy;
    },
    isStartupTimeoutSet: () => inner.isStartupTimeoutSet(),
    getStartupTimeout: () => inner.getStartupTimeout(),
  };
  return strategy;
}
