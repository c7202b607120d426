// `kubectl create job --from=cronjob/<cronJob> <jobName>`: the job template's metadata and spec,
// the annotation cronjob.kubernetes.io/instantiate=manual, an owner reference to the CronJob
// (controller, without blockOwnerDeletion, as kubectl sets it). An existing job of that name is an
// error, or, with onExists 'suffix', the run gets a suffixed name.
import type { V1CronJob, V1Job } from '@kubernetes/client-node';
import { K8sError } from './k8s-error.ts';
import type { KubeClient } from './kube-client.ts';

export interface CreateJobFromCronJobOptions {
  cronJob: string;
  jobName: string;
  namespace?: string;
  /** 'fail' (default): an existing job is an error; 'suffix': use `<jobName>-<suffix>` instead. */
  onExists?: 'fail' | 'suffix';
  /** Default: the time in base 36, which keeps the name unique and short. */
  suffix?: string;
}

const JOB_NAME_MAX = 63; // the name is copied into the job-name label, whose values stop at 63

export async function createJobFromCronJob(
  client: KubeClient,
  options: CreateJobFromCronJobOptions,
): Promise<V1Job> {
  const namespace = options.namespace ?? client.namespace;
  const cronJob = await client.call(
    { verb: 'get', resource: 'cronjobs', group: 'batch', namespace, name: options.cronJob },
    () => client.batch.readNamespacedCronJob({ name: options.cronJob, namespace }),
  );
  try {
    return await createJob(client, namespace, jobFromCronJob(cronJob, options.jobName));
  } catch (error) {
    if (!(error instanceof K8sError) || error.status !== 409) throw error;
    if (options.onExists !== 'suffix') {
      throw new K8sError(
        `k8s: Job ${namespace}/${options.jobName} already exists (context ${client.context}); delete it ` +
          `(kubectl delete job ${options.jobName} -n ${namespace}) or let the run use a suffixed name`,
        { cause: error, status: 409 },
      );
    }
    const suffix = options.suffix ?? Date.now().toString(36);
    const name = `${options.jobName.slice(0, JOB_NAME_MAX - suffix.length - 1)}-${suffix}`;
    return await createJob(client, namespace, jobFromCronJob(cronJob, name));
  }
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
