// The drill's cluster code, as a run with --confirm --allow-job --replace-finished-job calls it, one
// named step per task: the run's Lease (src/cli/cluster-guard.ts), tt1's and tp1's rollout reads,
// tt3's Job from the CronJob (waited for until the real Job controller completes it), the refusal of
// a second ingestion, the replacement of the finished Job, its pod's log. A failure says the step.
import {
  createCronIngester,
  getJobPodLogTail,
  getRolloutStatus,
  K8sError,
  runJobFromCronJob,
  type PodLogTail,
  withDrillLease,
  type KubeClient,
} from '../../src/k8s/index.ts';
import { playKubelet } from '../../src/rehearsal/index.ts';
import type { DrillNamespaces } from './drill-account.ts';

export const LEASE_STEP = 'run lease';
const JOB = { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual', intervalMs: 100, timeoutMs: 60_000 };

export class StepFailure extends Error {
  readonly step: string;
  constructor(step: string, cause: unknown) {
    super(`${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.step = step;
  }
}

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StepFailure ? error : new StepFailure(name, error);
  }
}

/** What the admin's cluster holds before a run: the CronJob, tt1's and tp1's Deployments. */
export async function prepareProductionObjects(namespaces: DrillNamespaces): Promise<void> {
  await createCronIngester(namespaces.admin);
  await createDeployment(namespaces.admin, 'www');
  await createDeployment(namespaces.frontendAdmin, 'app');
}

async function createDeployment(client: KubeClient, name: string): Promise<void> {
  const labels = { app: name };
  await client.apps.createNamespacedDeployment({
    namespace: client.namespace,
    body: {
      metadata: { name },
      spec: {
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name, image: `${name}:v1` }] } },
      },
    },
  });
}

/** A read-only run's cluster calls. */
export async function runReadOnlyPaths({ drill, drillFrontend }: DrillNamespaces): Promise<void> {
  await step('tt1 rollouts', () => getRolloutStatus(drill, 'www'));
  await step('tp1 rollouts', () => getRolloutStatus(drillFrontend, 'app'));
}

/**
 * A run with --allow-job and --replace-finished-job, under the run's Lease; the Job's pods are given
 * Succeeded by a stand-in for the kubelet. Returns the tail of the job's pod log (empty: no node ran it).
 */
export async function runAllowJobPaths(namespaces: DrillNamespaces): Promise<PodLogTail | undefined> {
  const { admin, drill } = namespaces;
  const kubelet = playKubelet(admin, {
    labelSelector: `batch.kubernetes.io/job-name=${JOB.jobName}`,
    decide: () => 'Succeeded',
  });
  try {
    return await step(LEASE_STEP, () =>
      withDrillLease(drill, { renewEveryMs: 100 }, async () => {
        await runReadOnlyPaths(namespaces);
        await step('tt3 job', () => runJobFromCronJob(drill, JOB));
        await step('tt3 single ingestion', async () => {
          const refused: unknown = await runJobFromCronJob(drill, JOB).then(
            () => new Error('a second cron-ingester-manual was created'),
            (error: unknown) => error,
          );
          if (!(refused instanceof K8sError && refused.message.includes('already exists and has ended')))
            throw refused;
        });
        await step('tt3 replacing the finished job', () =>
          runJobFromCronJob(drill, { ...JOB, replaceFinished: true }),
        );
        return step('tt3 pod log', () => getJobPodLogTail(drill, JOB.jobName));
      }),
    );
  } finally {
    await kubelet.stop();
  }
}
