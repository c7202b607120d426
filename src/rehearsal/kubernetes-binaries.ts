// The directories of the rehearsal's binaries: scripts/k8s-build.sh builds Kubernetes once (~15 min
// on 2 cores), scripts/node-build.sh the node's container runtime (~3 min), into the project's
// cache; then they only print where the binaries are.
import { join } from 'node:path';
import { execa } from 'execa';

const SCRIPTS = join(import.meta.dirname, '../../scripts');

/** Builds the binaries if they are not cached; the build's progress goes to stderr. */
export function buildKubernetesBinaries(signal?: AbortSignal): Promise<string> {
  return runBuildScript(join(SCRIPTS, 'k8s-build.sh'), signal);
}

/** containerd, its shim, ctr and crictl, built if they are not cached. */
export function buildNodeRuntime(signal?: AbortSignal): Promise<string> {
  return runBuildScript(join(SCRIPTS, 'node-build.sh'), signal);
}

async function runBuildScript(script: string, signal?: AbortSignal): Promise<string> {
  const { stdout } = await execa(script, { stderr: 'inherit', cancelSignal: signal });
  const binDir = stdout.trim().split('\n').at(-1);
  if (!binDir)
    throw new Error(`${script} printed no directory; expected the binaries' directory as its last line`);
  return binDir;
}
