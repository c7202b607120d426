// The directory of the rehearsal's Kubernetes binaries: scripts/k8s-build.sh builds them once
// (~15 min on 2 cores) into the project's cache and then only prints where they are.
import { join } from 'node:path';
import { execa } from 'execa';

const BUILD_SCRIPT = join(import.meta.dirname, '../../scripts/k8s-build.sh');

/** Builds the binaries if they are not cached; the build's progress goes to stderr. */
export async function buildKubernetesBinaries(signal?: AbortSignal): Promise<string> {
  const { stdout } = await execa(BUILD_SCRIPT, { stderr: 'inherit', cancelSignal: signal });
  const binDir = stdout.trim().split('\n').at(-1);
  if (!binDir)
    throw new Error(
      `${BUILD_SCRIPT} printed no directory; expected the binaries' directory as its last line`,
    );
  return binDir;
}
