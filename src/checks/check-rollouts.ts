// tt1/tp1, cluster target: the Deployments rolled out (as `kubectl rollout status` judges it) with
// an image tagged with the tag to deploy; the Kubernetes reading is src/k8s's getRolloutStatus.
import { getRolloutStatus, type KubeClient, type RolloutStatus } from '../k8s/index.ts';
import { CheckError } from './check-error.ts';

export interface RolloutExpectation {
  namespace: string;
  deployments: string[];
  /** Git tag the images must carry (with or without the leading `v`). */
  tag: string;
  task: string;
}

export async function checkRollouts(
  client: KubeClient,
  expectation: RolloutExpectation,
): Promise<RolloutStatus[]> {
  const { task, namespace, tag } = expectation;
  const version = tag.replace(/^v/, '');
  const statuses: RolloutStatus[] = [];
  for (const deployment of expectation.deployments) {
    const object = `Deployment ${namespace}/${deployment}`;
    const status = await getRolloutStatus(client, deployment, { namespace }).catch((error: unknown) => {
      throw new CheckError(
        { task, object, expected: 'a readable Deployment', found: (error as Error).message },
        { cause: error },
      );
    });
    if (!status.complete) {
      const found =
        `${status.updatedReplicas}/${status.replicas} replicas updated, ${status.availableReplicas} available, ` +
        `generation ${status.observedGeneration}/${status.generation} observed`;
      throw new CheckError({
        task,
        object,
        expected: 'rolled out (every replica updated and available)',
        found,
      });
    }
    if (!status.images.some((image) => image.tag?.replace(/^v/, '') === version)) {
      const found = status.images.map((image) => image.image).join(', ') || 'no container';
      throw new CheckError({ task, object, expected: `an image tagged ${tag}`, found });
    }
    statuses.push(status);
  }
  return statuses;
}
