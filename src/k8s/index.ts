export {
  createCronIngester,
  cronIngesterManifest,
  CRON_INGESTER,
  type CronIngesterOptions,
} from './cron-ingester.ts';
export {
  createJobFromCronJob,
  jobFromCronJob,
  type CreateJobFromCronJobOptions,
} from './create-job-from-cron-job.ts';
export {
  acquireDrillLease,
  withDrillLease,
  DRILL_LEASE_NAME,
  type DrillLeaseOptions,
  type HeldLease,
} from './drill-lease.ts';
export { getRolloutStatus, imageTag, type ContainerImage, type RolloutStatus } from './get-rollout-status.ts';
export { readK8sConfig, type K8sConfig } from './k8s-config.ts';
export { K8sError, type KubeTarget } from './k8s-error.ts';
export type { KubeCall, KubeCaller, KubeVerb } from './kube-call.ts';
export { loadKubeClient, loadKubeConfig, type KubeClient, type KubeClientOptions } from './kube-client.ts';
export { getJobPodLogTail, type PodLogTail } from './pod-log-tail.ts';
export { runJobFromCronJob, type RunJobFromCronJobOptions } from './run-job-from-cron-job.ts';
export { waitForJob, type JobResult, type WaitForJobOptions } from './wait-for-job.ts';
export { getServerVersion } from './get-server-version.ts';
