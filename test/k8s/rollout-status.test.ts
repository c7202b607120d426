import { describe, expect, it } from 'vitest';
import type { V1Deployment, V1DeploymentStatus } from '@kubernetes/client-node';
import { getRolloutStatus, type KubeClient } from '../../src/k8s/index.ts';
import { clientInNewNamespace, useTestApiServer } from './fixtures.ts';

const server = useTestApiServer();
const IMAGE = 'ghcr.io/socialgouv/code-du-travail-numerique/code-du-travail-numerique:v4.236.2';

/** Creates the Deployment (the server sets its generation), then writes the status a controller would. */
async function deploy(
  client: KubeClient,
  status: (generation: number) => V1DeploymentStatus,
): Promise<V1Deployment> {
  const created = await client.apps.createNamespacedDeployment({
    namespace: client.namespace,
    body: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'www' },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'www' } },
        template: {
          metadata: { labels: { app: 'www' } },
          spec: { containers: [{ name: 'www', image: IMAGE }] },
        },
      },
    },
  });
  const generation = created.metadata?.generation ?? 0;
  return client.apps.replaceNamespacedDeploymentStatus({
    name: 'www',
    namespace: client.namespace,
    body: { ...created, status: status(generation) },
  });
}

describe('getRolloutStatus', () => {
  it('reports a finished rollout with each container image tag', async () => {
    const client = clientInNewNamespace(server());
    const stored = await deploy(client, (generation) => ({
      observedGeneration: generation,
      replicas: 2,
      updatedReplicas: 2,
      availableReplicas: 2,
    }));
    const generation = stored.metadata?.generation;
    expect(await getRolloutStatus(client, 'www')).toEqual({
      name: 'www',
      namespace: client.namespace,
      generation,
      observedGeneration: generation,
      replicas: 2,
      updatedReplicas: 2,
      availableReplicas: 2,
      images: [{ container: 'www', image: IMAGE, tag: 'v4.236.2' }],
      complete: true,
    });
  });

  it('is not complete while old replicas remain', async () => {
    const client = clientInNewNamespace(server());
    await deploy(client, (generation) => ({
      observedGeneration: generation,
      replicas: 3,
      updatedReplicas: 2,
      availableReplicas: 2,
    }));
    expect((await getRolloutStatus(client, 'www')).complete).toBe(false);
  });

  it('is not complete while the controller has not observed the latest generation', async () => {
    const client = clientInNewNamespace(server());
    await deploy(client, (generation) => ({
      observedGeneration: generation - 1,
      replicas: 2,
      updatedReplicas: 2,
      availableReplicas: 2,
    }));
    expect((await getRolloutStatus(client, 'www')).complete).toBe(false);
  });

  it('names a missing Deployment', async () => {
    const client = clientInNewNamespace(server());
    await expect(getRolloutStatus(client, 'www')).rejects.toThrow(
      `k8s: Deployment ${client.namespace}/www not found`,
    );
  });
});
