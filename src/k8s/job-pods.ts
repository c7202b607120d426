// The pods a job controller creates for a Job's attempts, standing in for the kubelet: labelled as
// Kubernetes labels them (so waitForJob finds them), owned by the Job, their output stored in the
// annotation the test API server serves `pods/<name>/log` from (see src/ephemeral/api-server/DrillKubeApi.java).
import { randomBytes } from 'node:crypto';
import type { V1Job, V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from './kube-client.ts';

export const POD_LOG_ANNOTATION = 'cdtn-recovery-drill/container-log';

export async function createJobPod(client: KubeClient, job: V1Job): Promise<V1Pod> {
  const namespace = client.namespace;
  const jobName = job.metadata?.name ?? '';
  const uid = job.metadata?.uid ?? '';
  const body: V1Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${jobName}-${randomBytes(3).toString('hex').slice(0, 5)}`,
      namespace,
      labels: {
        ...job.spec?.template.metadata?.labels,
        'batch.kubernetes.io/job-name': jobName,
        'job-name': jobName,
        'batch.kubernetes.io/controller-uid': uid,
        'controller-uid': uid,
      },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: jobName,
          uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: job.spec?.template.spec,
    status: { phase: 'Running', startTime: new Date() },
  };
  return client.call(
    { verb: 'create', resource: 'pods', group: '', namespace, name: body.metadata?.name },
    () => client.core.createNamespacedPod({ namespace, body }),
  );
}

export async function finishJobPod(
  client: KubeClient,
  pod: V1Pod,
  ok: boolean,
  lines: string[],
): Promise<void> {
  const namespace = client.namespace;
  const name = pod.metadata?.name ?? '';
  const annotations = { ...pod.metadata?.annotations, [POD_LOG_ANNOTATION]: lines.join('\n') };
  const updated = await client.call({ verb: 'update', resource: 'pods', group: '', namespace, name }, () =>
    client.core.replaceNamespacedPod({
      name,
      namespace,
      body: { ...pod, metadata: { ...pod.metadata, annotations } },
    }),
  );
  await client.call({ verb: 'update', resource: 'pods/status', group: '', namespace, name }, () =>
    client.core.replaceNamespacedPodStatus({
      name,
      namespace,
      body: { ...updated, status: { ...updated.status, phase: ok ? 'Succeeded' : 'Failed' } },
    }),
  );
}
