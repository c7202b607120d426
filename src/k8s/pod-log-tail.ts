// The tail of a job's pod log: the pods are found by the job-name label (batch.kubernetes.io/job-name
// since Kubernetes 1.27, job-name before), the most recent one is read. A pod that ran on no node
// has no log: the API server then answers 200 with an empty body and no Content-Type
// (pkg/registry/core/pod/strategy.go LogLocation), which client-node cannot parse: an empty tail.
import type { V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from './kube-client.ts';

export interface PodLogTail {
  pod: string;
  lines: string[];
}

const JOB_NAME_LABELS = ['batch.kubernetes.io/job-name', 'job-name'];
/** client-node's error for a body without Content-Type (ObjectSerializer.parse). */
const NO_CONTENT_TYPE = 'Cannot parse content. No Content-Type defined.';

export async function getJobPodLogTail(
  client: KubeClient,
  job: string,
  options: { namespace?: string; lines?: number } = {},
): Promise<PodLogTail | undefined> {
  const namespace = options.namespace ?? client.namespace;
  const pod = await findLatestPod(client, namespace, job);
  const name = pod?.metadata?.name;
  if (name === undefined) return undefined;
  const text = await client.call({ verb: 'get', resource: 'pods/log', group: '', namespace, name }, () =>
    client.core
      .readNamespacedPodLog({ name, namespace, tailLines: options.lines ?? 50 })
      .catch((error: unknown) => {
        if (error instanceof Error && error.message === NO_CONTENT_TYPE) return '';
        throw error;
      }),
  );
  return { pod: name, lines: text === '' ? [] : text.replace(/\n$/, '').split('\n') };
}

async function findLatestPod(client: KubeClient, namespace: string, job: string): Promise<V1Pod | undefined> {
  for (const label of JOB_NAME_LABELS) {
    const list = await client.call({ verb: 'list', resource: 'pods', group: '', namespace }, () =>
      client.core.listNamespacedPod({ namespace, labelSelector: `${label}=${job}` }),
    );
    if (list.items.length > 0)
      return list.items.reduce((latest, pod) => (isLater(pod, latest) ? pod : latest));
  }
  return undefined;
}

/** creationTimestamp has whole seconds: pods retried within a second are told apart by their start time. */
function isLater(pod: V1Pod, than: V1Pod): boolean {
  const time = (value: Date | undefined) => (value ? new Date(value).getTime() : 0);
  const created = time(pod.metadata?.creationTimestamp) - time(than.metadata?.creationTimestamp);
  return created !== 0 ? created > 0 : time(pod.status?.startTime) >= time(than.status?.startTime);
}
