// `kubectl create job --from=cronjob/<cronJob> <jobName>`: the job template's metadata and spec,
// the annotation cronjob.kubernetes.io/instantiate=manual, an owner reference to the CronJob
// (controller, without blockOwnerDeletion, as kubectl sets it). Only when no ingestion is running
// and no Job of that name is in the way (ensureSingleIngestion).
import type { V1CronJob, V1Job } from '@kubernetes/client-node';
import { K8sError } from './k8s-error.ts';
import type { KubeClient } from './kube-client.ts';
import { ensureSingleIngestion } from './single-ingestion.ts';

export interface CreateJobFromCronJobOptions {
  cronJob: string;
  jobName: string;
  namespace?: string;
  /** Delete a finished Job named jobName first (--replace-finished-job); default: refuse it. */
  replaceFinished?: boolean;
}

export async function createJobFromCronJob(
  client: KubeClient,
  options: CreateJobFromCronJobOptions,
): Promise<V1Job> {
  const namespace = options.namespace ?? client.namespace;
  const cronJob = await client.call(
    { verb: 'get', resource: 'cronjobs', group: 'batch', namespace, name: options.cronJob },
    () => client.batch.readNamespacedCronJob({ name: options.cronJob, namespace }),
  );
  await ensureSingleIngestion(client, { ...options, cronJob, namespace });
  return createJob(client, namespace, jobFromCronJob(cronJob, options.jobName));
}

/** The Job kubectl builds from a CronJob (kubectl/pkg/cmd/create/create_job.go). */
export function jobFromCronJob(cronJob: V1CronJob, name: string): V1Job {
  const template = cronJob.spec?.jobTemplate;
  if (
    cronJob.metadata?.name === undefined ||
    cronJob.metadata.uid === undefined ||
    template?.spec === undefined
  ) {
    throw new K8sError(
      `k8s: CronJob ${cronJob.metadata?.name ?? '(unnamed)'} has no name, uid or job template spec`,
    );
  }
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      // the template's own annotations win, as in kubectl
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...template.metadata?.annotations },
      labels: template.metadata?.labels,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cronJob.metadata.name,
          uid: cronJob.metadata.uid,
          controller: true,
        },
      ],
    },
    spec: template.spec,
  };
}

function createJob(client: KubeClient, namespace: string, job: V1Job): Promise<V1Job> {
  return client.call(
    { verb: 'create', resource: 'jobs', group: 'batch', namespace, name: job.metadata?.name },
    () => client.batch.createNamespacedJob({ namespace, body: job }),
  );
}
