// The runbook's manual ingestion as one action: `kubectl create job --from=cronjob/<cronJob>
// <jobName>`, then the wait until the job is Complete (or the error saying how it failed).
import { createJobFromCronJob, type CreateJobFromCronJobOptions } from './create-job-from-cron-job.ts';
import type { KubeClient } from './kube-client.ts';
import { waitForJob, type JobResult, type WaitForJobOptions } from './wait-for-job.ts';

export type RunJobFromCronJobOptions = CreateJobFromCronJobOptions & Omit<WaitForJobOptions, 'namespace'>;

export async function runJobFromCronJob(
  client: KubeClient,
  options: RunJobFromCronJobOptions,
): Promise<JobResult> {
  const job = await createJobFromCronJob(client, options);
  return waitForJob(client, job.metadata?.name ?? options.jobName, {
    ...options,
    namespace: job.metadata?.namespace ?? options.namespace,
  });
}
