// Test support: one real control plane per test file (started in beforeAll from the binaries the
// global setup provides, stopped by PID in afterAll, even after a failure), a namespace per test,
// and a stand-in for the kubelet while the control plane has no node.
import type { V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadKubeClient, type KubeClient } from '../../src/k8s/index.ts';
import {
  playKubelet,
  startControlPlane,
  startNode,
  type PodOutcome,
  type StartedControlPlane,
  type StartedNode,
} from '../../src/rehearsal/index.ts';

export function useControlPlane(): () => StartedControlPlane {
  let controlPlane: StartedControlPlane | undefined;
  beforeAll(async () => {
    controlPlane = await startControlPlane({ binDir: inject('kubernetesBinDir') });
  });
  afterAll(async () => {
    await controlPlane?.stop();
  });
  return () => {
    if (controlPlane === undefined) throw new Error('the control plane did not start (see beforeAll)');
    return controlPlane;
  };
}

/** A real node beside the file's control plane (call after useControlPlane: it stops first). */
export function useNode(controlPlane: () => StartedControlPlane, images: string[]): () => StartedNode {
  let node: StartedNode | undefined;
  beforeAll(async () => {
    node = await startNode({
      controlPlane: controlPlane(),
      kubernetesBinDir: inject('kubernetesBinDir'),
      runtimeBinDir: inject('nodeRuntimeBinDir'),
      images,
    });
  });
  afterAll(async () => {
    await node?.stop();
  });
  return () => {
    if (node === undefined) throw new Error('the node did not start (see beforeAll)');
    return node;
  };
}

let namespaces = 0;
/** An administrator's client in a namespace created for the test (a real API server requires it). */
export async function adminInNewNamespace(
  controlPlane: StartedControlPlane,
  namespace = `rehearsal-${process.pid}-${++namespaces}`,
): Promise<KubeClient> {
  const client = loadKubeClient({ kubeconfigPath: controlPlane.kubeconfigPath, namespace });
  await client.core.createNamespace({ body: { metadata: { name: namespace } } });
  return client;
}

/**
 * Runs body while a stand-in for the kubelet (the admin's) gives the pods of the Job named `job`,
 * in turn, the outcomes listed (the last one repeats); returns body's result and those pods.
 */
export async function withKubelet<T>(
  admin: KubeClient,
  job: string,
  outcomes: PodOutcome[],
  body: () => Promise<T>,
): Promise<{ result: T; pods: readonly V1Pod[] }> {
  const kubelet = playKubelet(admin, {
    labelSelector: `batch.kubernetes.io/job-name=${job}`,
    decide: (_pod, index) => outcomes[Math.min(index, outcomes.length - 1)],
  });
  try {
    return { result: await body(), pods: kubelet.pods };
  } finally {
    await kubelet.stop();
  }
}
