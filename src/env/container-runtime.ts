// The container engine as Testcontainers finds it, and what the harness asks of it directly:
// images present, containers of a run (by label), last log lines of a container.
import { getContainerRuntimeClient, ImageName, type ContainerRuntimeClient } from 'testcontainers';
import { readDrillVariables } from '../config/index.ts';
import { LOCAL_IMAGES } from './images.ts';
import { imageMissingError, noContainerRuntimeError } from './env-error.ts';

/** Every container a run starts carries its run id under this label (plus Testcontainers' own). */
export const RUN_ID_LABEL = 'org.cdtn-drill.run-id';
/** Which service a container is: postgres or search. */
export const SERVICE_LABEL = 'org.cdtn-drill.service';
/**
 * The command that started the container (DRILL_SESSION, set by scripts/with-env.sh): its teardown
 * removes only these, never another command's containers on the same engine.
 */
export const SESSION_LABEL = 'org.cdtn-drill.session';

/** The labels of a service container of a run. */
export function labelsOfService(runId: string, service: string): Record<string, string> {
  const session = readDrillVariables().DRILL_SESSION;
  return {
    [RUN_ID_LABEL]: runId,
    [SERVICE_LABEL]: service,
    ...(session ? { [SESSION_LABEL]: session } : {}),
  };
}

type DockerContainer = ReturnType<ContainerRuntimeClient['container']['getById']>;

export async function getContainerRuntime(): Promise<ContainerRuntimeClient> {
  try {
    return await getContainerRuntimeClient();
  } catch (error) {
    throw noContainerRuntimeError(error);
  }
}

/** A local image (no registry to pull it from) must have been built: say which command builds it. */
export async function ensureLocalImageIsBuilt(
  runtime: ContainerRuntimeClient,
  service: string,
  image: string,
): Promise<void> {
  const local = Object.entries(LOCAL_IMAGES).find(([, tag]) => tag === image);
  if (local === undefined && !image.startsWith('localhost/')) return;
  if (await runtime.image.exists(ImageName.fromString(image))) return;
  throw imageMissingError(
    service,
    image,
    local ? `node images/build.ts ${local[0]}` : `podman build -t ${image} <context>`,
  );
}

/** Ids of the containers (running or not) labelled with the run id. */
export async function listContainersOfRun(runId: string): Promise<string[]> {
  const runtime = await getContainerRuntime();
  const containers = await runtime.container.dockerode.listContainers({
    all: true,
    filters: { label: [`${RUN_ID_LABEL}=${runId}`] },
  });
  return containers.map((container) => container.Id);
}

/** Force-removes whatever is left of a run (a start that failed half-way, a stop that did not finish). */
export async function removeContainersOfRun(runId: string): Promise<void> {
  const runtime = await getContainerRuntime();
  for (const id of await listContainersOfRun(runId)) {
    await runtime.container.dockerode
      .getContainer(id)
      .remove({ force: true, v: true })
      .catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
  }
}

/** Splits the engine's multiplexed log stream (8-byte frame headers) when the container has no TTY. */
function demultiplex(buffer: Buffer): string {
  const chunks: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && buffer[offset]! <= 2 && buffer.readUIntBE(offset + 1, 3) === 0) {
    const size = buffer.readUInt32BE(offset + 4);
    chunks.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  return offset === 0 ? buffer.toString('utf8') : Buffer.concat(chunks).toString('utf8');
}

export async function readLastLogLines(container: DockerContainer, count = 50): Promise<string[]> {
  const logs = (await container.logs({
    stdout: true,
    stderr: true,
    tail: count,
    follow: false,
  })) as unknown as Buffer;
  return demultiplex(Buffer.from(logs))
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '')
    .slice(-count);
}
