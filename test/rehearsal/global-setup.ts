// Global setup of the rehearsal and e2e projects: the Kubernetes binaries their tests start, built by
// scripts/k8s-build.sh when the cache does not hold them (cold: ~15 min on 2 cores; then instant).
import type { TestProject } from 'vitest/node';
import { buildKubernetesBinaries } from '../../src/rehearsal/index.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** Directory of etcd, kube-apiserver and kube-controller-manager. */
    kubernetesBinDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('kubernetesBinDir', await buildKubernetesBinaries());
}
