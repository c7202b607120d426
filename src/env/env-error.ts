// Every error the environment raises, built in one place: they name the service, the image or
// host, the limit, and how to fix it; the low-level error stays as `cause`; never a password.
import { homedir } from 'node:os';
import { join } from 'node:path';

export class EnvError extends Error {
  override name = 'EnvError';
}

const PODMAN_SETUP = 'scripts/podman-setup.sh';

/** The places Testcontainers looks for an engine, in its order. */
function describeRuntimeCandidates(): string[] {
  const dockerHost = process.env.DOCKER_HOST;
  const runtimeDir = process.env.XDG_RUNTIME_DIR;
  return [
    `DOCKER_HOST=${dockerHost === undefined || dockerHost === '' ? '(unset)' : dockerHost}`,
    '/var/run/docker.sock',
    ...(runtimeDir ? [join(runtimeDir, 'docker.sock')] : []),
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.docker', 'desktop', 'docker.sock'),
  ];
}

export function noContainerRuntimeError(cause: unknown): EnvError {
  return new EnvError(
    `ephemeral environment: no container runtime answered; tried ${describeRuntimeCandidates().join(', ')}. ` +
      `Start a Docker engine, or run \`eval "$(${PODMAN_SETUP})"\` (Podman, then DOCKER_HOST points at its socket), ` +
      `or run the command through scripts/with-env.sh, which does both.`,
    { cause },
  );
}

export function imageMissingError(
  service: string,
  image: string,
  buildCommand: string,
  cause?: unknown,
): EnvError {
  return new EnvError(
    `ephemeral environment: ${service} image ${image} is not in the local image store; build it with \`${buildCommand}\``,
    {
      cause,
    },
  );
}

export function imagePullError(service: string, image: string, cause: unknown): EnvError {
  return new EnvError(
    `ephemeral environment: ${service} image ${image} could not be pulled; without a registry, build the local images ` +
      `(\`node images/build.ts\`) and set DRILL_PG_IMAGE / DRILL_SEARCH_IMAGE, or use scripts/with-env.sh`,
    { cause },
  );
}

export function notReadyError(
  service: string,
  image: string,
  limitMs: number,
  logLines: string[],
  cause: unknown,
): EnvError {
  const reason = (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
  const logs =
    logLines.length > 0
      ? `; its last ${logLines.length} log lines:\n${logLines.join('\n')}`
      : '; it wrote no log';
  return new EnvError(
    `ephemeral environment: ${service} (${image}) did not become ready (limit ${limitMs} ms): ${reason}${logs}`,
    { cause },
  );
}

export function externalUnreachableError(service: string, host: string, cause: unknown): EnvError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new EnvError(`cluster environment: cannot reach ${service} at ${host}: ${reason}`, { cause });
}
