// One ingestion at a time: before the manual Job is created, the namespace's Jobs are listed. A Job
// of the CronJob (by owner reference) or of the manual Job's name that has not ended means an
// ingestion is running: always refused. A finished manual Job is in the way of the new one: refused,
// unless the run was told to replace it (--replace-finished-job), then deleted with its pods.
import type { V1CronJob, V1Job } from '@kubernetes/client-node';
import { finishedCondition } from './job-status.ts';
import { K8sError } from './k8s-error.ts';
import type { KubeClient } from './kube-client.ts';

export interface SingleIngestionOptions {
  cronJob: V1CronJob;
  jobName: string;
  namespace: string;
  /** Delete a finished Job named jobName instead of refusing. An active Job is refused all the same. */
  replaceFinished?: boolean;
}

export async function ensureSingleIngestion(
  client: KubeClient,
  options: SingleIngestionOptions,
): Promise<void> {
  const { jobName, namespace } = options;
  const jobs = await client.call({ verb: 'list', resource: 'jobs', group: 'batch', namespace }, () =>
    client.batch.listNamespacedJob({ namespace }),
  );
  const ingestions = jobs.items.filter(
    (job) => job.metadata?.name === jobName || isOwnedBy(job, options.cronJob),
  );
  const active = ingestions.filter(isActive);
  if (active.length > 0) {
    throw new K8sError(
      `k8s: an ingestion is running in namespace ${namespace} (context ${client.context}): ` +
        `${active.map(describeJob).join(', ')}; the drill never starts a second one: wait until it ends`,
    );
  }
  if (!ingestions.some((job) => job.metadata?.name === jobName)) return;
  if (!options.replaceFinished) {
    throw new K8sError(
      `k8s: Job ${namespace}/${jobName} already exists and has ended (context ${client.context}); the ` +
        `drill does not replace it unless told: run with --replace-finished-job, or delete it ` +
        `(kubectl delete job ${jobName} -n ${namespace})`,
    );
  }
  await client.call({ verb: 'delete', resource: 'jobs', group: 'batch', namespace, name: jobName }, () =>
    client.batch.deleteNamespacedJob({ name: jobName, namespace, propagationPolicy: 'Background' }),
  );
}

function isOwnedBy(job: V1Job, cronJob: V1CronJob): boolean {
  return (job.metadata?.ownerReferences ?? []).some(
    (owner) =>
      owner.kind === 'CronJob' &&
      (owner.uid === cronJob.metadata?.uid || owner.name === cronJob.metadata?.name),
  );
}

/** Running pods, or no Complete/Failed condition yet (a Job just created has neither). */
function isActive(job: V1Job): boolean {
  return (job.status?.active ?? 0) > 0 || finishedCondition(job) === undefined;
}

function describeJob(job: V1Job): string {
  const end = finishedCondition(job)?.type ?? 'neither Complete nor Failed';
  return `Job ${job.metadata?.name ?? '(unnamed)'} (active ${job.status?.active ?? 0}, ${end})`;
}
