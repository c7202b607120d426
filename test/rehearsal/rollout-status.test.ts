// Rollout status on a real API server, read by the drill's ServiceAccount: the Deployment and
// ReplicaSet controllers write the counts; only the kubelet's part (a pod running and ready) is
// played through pods/status.
import { describe, expect, it } from 'vitest';
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { pollUntil } from '../../src/env/index.ts';
import { getRolloutStatus, type KubeClient, type RolloutStatus } from '../../src/k8s/index.ts';
import { playKubelet } from '../../src/rehearsal/index.ts';
import { drillInNewNamespaces } from './drill-account.ts';
import { useControlPlane } from './fixtures.ts';

const controlPlane = useControlPlane();
const IMAGE = 'ghcr.io/socialgouv/code-du-travail-numerique/code-du-travail-numerique:v4.236.2';
const NEXT_IMAGE = IMAGE.replace('v4.236.2', 'v4.237.0');

function deployment(image: string): V1Deployment {
  const labels = { app: 'www' };
  return {
    metadata: { name: 'www' },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'www', image }] } },
    },
  };
}

/** Until the drill reads a status that passes `until` (the controllers work asynchronously). */
function rolloutUntil(drill: KubeClient, until: (status: RolloutStatus) => boolean): Promise<RolloutStatus> {
  return pollUntil(
    async () => {
      const status = await getRolloutStatus(drill, 'www');
      if (!until(status)) throw new Error(`not yet: ${JSON.stringify(status)}`);
      return status;
    },
    { timeoutMs: 30_000, onTimeout: (last) => new Error('the rollout never got there', { cause: last }) },
  );
}

/** Pods of the image, made running and ready by a stand-in for the kubelet while body runs. */
async function withReadyPods<T>(admin: KubeClient, image: string, body: () => Promise<T>): Promise<T> {
  const isOfImage = (pod: V1Pod) => pod.spec?.containers[0]?.image === image;
  const kubelet = playKubelet(admin, {
    labelSelector: 'app=www',
    decide: (pod) => (isOfImage(pod) ? 'Ready' : undefined),
  });
  try {
    return await body();
  } finally {
    await kubelet.stop();
  }
}

describe('getRolloutStatus', () => {
  it('reports a finished rollout with each container image tag', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await admin.apps.createNamespacedDeployment({ namespace: admin.namespace, body: deployment(IMAGE) });
    const status = await withReadyPods(admin, IMAGE, () =>
      rolloutUntil(drill, (status) => status.availableReplicas === 2),
    );
    expect(status).toEqual({
      name: 'www',
      namespace: drill.namespace,
      generation: 1,
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      availableReplicas: 2,
      images: [{ container: 'www', image: IMAGE, tag: 'v4.236.2' }],
      complete: true,
    });
  });

  it('is not complete while no replica is available', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await admin.apps.createNamespacedDeployment({ namespace: admin.namespace, body: deployment(IMAGE) });
    const status = await rolloutUntil(drill, (status) => status.updatedReplicas === 2);
    expect(status).toMatchObject({ availableReplicas: 0, complete: false });
  });

  it('is not complete while old replicas remain after a new image', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await admin.apps.createNamespacedDeployment({ namespace: admin.namespace, body: deployment(IMAGE) });
    await withReadyPods(admin, IMAGE, () => rolloutUntil(drill, (status) => status.complete));
    await admin.apps.replaceNamespacedDeployment({
      name: 'www',
      namespace: admin.namespace,
      body: deployment(NEXT_IMAGE),
    });
    // the new pods are never ready: the controller keeps the old ones
    const status = await rolloutUntil(
      drill,
      (status) => status.observedGeneration === 2 && status.updatedReplicas > 0,
    );
    expect(status.replicas).toBeGreaterThan(status.updatedReplicas);
    expect(status).toMatchObject({ generation: 2, complete: false });
    expect(status.images[0]?.tag).toBe('v4.237.0');
  });

  it('names a missing Deployment', async () => {
    const { drill } = await drillInNewNamespaces(controlPlane());
    await expect(getRolloutStatus(drill, 'www')).rejects.toThrow(
      `k8s: Deployment ${drill.namespace}/www not found`,
    );
  });
});
