// Starts one service container and turns what can go wrong into the environment's errors:
// local image not built, image not pullable, not ready in time (with its last log lines).
import { ImageName, type ContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';
import { ensureLocalImageIsBuilt } from './container-runtime.ts';
import { EnvError, imagePullError, notReadyError } from './env-error.ts';
import { NotReadyWithLogs } from './logs-on-failure.ts';

export interface ServiceContainerSpec<C extends StartedTestContainer> {
  service: string;
  image: string;
  timeoutMs: number;
  /** Builds and starts the container; its wait strategy must be wrapped in withLogsOnFailure. */
  start: () => Promise<C>;
}

export async function startServiceContainer<C extends StartedTestContainer>(
  runtime: ContainerRuntimeClient,
  spec: ServiceContainerSpec<C>,
): Promise<C> {
  await ensureLocalImageIsBuilt(runtime, spec.service, spec.image);
  try {
    return await spec.start();
  } catch (error) {
    if (error instanceof NotReadyWithLogs)
      throw notReadyError(spec.service, spec.image, spec.timeoutMs, error.logLines, error.cause);
    const present = await runtime.image.exists(ImageName.fromString(spec.image)).catch(() => true);
    if (!present) throw imagePullError(spec.service, spec.image, error);
    const reason = error instanceof Error ? error.message : String(error);
    throw new EnvError(`ephemeral environment: ${spec.service} (${spec.image}) did not start: ${reason}`, {
      cause: error,
    });
  }
}
