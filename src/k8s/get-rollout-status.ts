// A Deployment's rollout as `kubectl rollout status` judges it: the controller has observed the
// latest generation, and every replica is updated and available; plus each container's image tag.
import type { V1Deployment } from '@kubernetes/client-node';
import type { KubeClient } from './kube-client.ts';

export interface ContainerImage {
  container: string;
  image: string;
  /** Undefined when the image is pinned by digest only or carries no tag (then `latest`). */
  tag?: string;
}

export interface RolloutStatus {
  name: string;
  namespace: string;
  generation: number;
  observedGeneration: number;
  replicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  images: ContainerImage[];
  /** Same rule as kubectl rollout status. */
  complete: boolean;
}

export async function getRolloutStatus(
  client: KubeClient,
  deployment: string,
  options: { namespace?: string } = {},
): Promise<RolloutStatus> {
  const namespace = options.namespace ?? client.namespace;
  const found = await client.call(
    { verb: 'get', resource: 'deployments', group: 'apps', namespace, name: deployment },
    () => client.apps.readNamespacedDeployment({ name: deployment, namespace }),
  );
  return judgeRollout(found, { name: deployment, namespace });
}

/** The rollout status of a Deployment as read (pure: kubectl's rule applied to its spec and status). */
export function judgeRollout(
  found: V1Deployment,
  { name, namespace }: { name: string; namespace: string },
): RolloutStatus {
  const status = found.status ?? {};
  const desired = found.spec?.replicas ?? 1;
  const generation = found.metadata?.generation ?? 0;
  const observedGeneration = status.observedGeneration ?? 0;
  const updatedReplicas = status.updatedReplicas ?? 0;
  const availableReplicas = status.availableReplicas ?? 0;
  return {
    name,
    namespace,
    generation,
    observedGeneration,
    replicas: status.replicas ?? 0,
    updatedReplicas,
    availableReplicas,
    images: (found.spec?.template.spec?.containers ?? []).map((container) => ({
      container: container.name,
      image: container.image ?? '',
      tag: imageTag(container.image ?? ''),
    })),
    complete:
      observedGeneration >= generation &&
      updatedReplicas >= desired &&
      (status.replicas ?? 0) <= updatedReplicas &&
      availableReplicas >= updatedReplicas,
  };
}

/** `registry:5000/org/app:v1.2@sha256:…` → `v1.2`: the tag is after the last ':' of the last path segment. */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0] ?? '';
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  return colon === -1 ? undefined : lastSegment.slice(colon + 1);
}
