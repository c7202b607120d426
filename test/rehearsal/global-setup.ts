// Global setup of the rehearsal and e2e projects: the Kubernetes binaries their tests start, built by
// scripts/k8s-build.sh when the cache does not hold them (cold: ~15 min on 2 cores; then instant),
// and the node's container runtime, built by scripts/node-build.sh (cold: ~4 min).
import type { TestProject } from 'vitest/node';
import { buildKubernetesBinaries, buildNodeRuntime } from '../../src/rehearsal/index.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** Directory of etcd, kube-apiserver and kube-controller-manager. */
    kubernetesBinDir: string;
    /** Directory of containerd, its shim, ctr and crictl. */
    nodeRuntimeBinDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('kubernetesBinDir', await buildKubernetesBinaries());
  project.provide('nodeRuntimeBinDir', await buildNodeRuntime());
}
