// One ingestion at a time, on a real API server as the drill's ServiceAccount: the manual Job is
// refused while a Job of cron-ingester runs (its pod Pending, created by the real Job controller),
// and while a finished cron-ingester-manual is there unless told to replace it.
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/env/index.ts';
import {
  createCronIngester,
  createJobFromCronJob,
  jobFromCronJob,
  runJobFromCronJob,
  type KubeClient,
} from '../../src/k8s/index.ts';
import { drillInNewNamespaces } from './drill-account.ts';
import { useControlPlane, withKubelet } from './fixtures.ts';

const controlPlane = useControlPlane();
const MANUAL = { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual', intervalMs: 100 };

async function jobNames(client: KubeClient): Promise<string[]> {
  const jobs = await client.batch.listNamespacedJob({ namespace: client.namespace });
  return jobs.items.map((job) => job.metadata?.name ?? '').sort();
}

async function uidOf(client: KubeClient, name: string): Promise<string | undefined> {
  const job = await client.batch.readNamespacedJob({ name, namespace: client.namespace });
  return job.metadata?.uid;
}

/** Until the Job controller counts the Job's pod as active. */
async function untilActive(client: KubeClient, name: string): Promise<void> {
  await pollUntil(
    async () => {
      const job = await client.batch.readNamespacedJob({ name, namespace: client.namespace });
      if ((job.status?.active ?? 0) === 0) throw new Error(`Job ${name} has no active pod yet`);
    },
    { timeoutMs: 30_000, onTimeout: (last) => new Error(`Job ${name} never became active`, { cause: last }) },
  );
}

describe('createJobFromCronJob, one ingestion at a time', () => {
  it('refuses a second ingestion while the first runs, even when told to replace a finished one', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await createCronIngester(admin);
    await createJobFromCronJob(drill, MANUAL);
    await untilActive(admin, MANUAL.jobName);
    const first = await uidOf(admin, MANUAL.jobName);
    for (const replaceFinished of [false, true]) {
      await expect(createJobFromCronJob(drill, { ...MANUAL, replaceFinished })).rejects.toThrow(
        `k8s: an ingestion is running in namespace ${drill.namespace} (context cdtn-recovery-drill): ` +
          'Job cron-ingester-manual (active 1, neither Complete nor Failed); the drill never starts a second one',
      );
    }
    expect(await uidOf(admin, MANUAL.jobName)).toBe(first);
  });

  it("refuses while a Job the CronJob scheduled has not ended; other Jobs don't count", async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    const cronJob = await createCronIngester(admin);
    const namespace = admin.namespace;
    const unowned = { ...jobFromCronJob(cronJob, 'unrelated'), metadata: { name: 'unrelated' } };
    await admin.batch.createNamespacedJob({ namespace, body: unowned });
    await admin.batch.createNamespacedJob({
      namespace,
      body: jobFromCronJob(cronJob, 'cron-ingester-29412345'),
    });
    await untilActive(admin, 'cron-ingester-29412345');
    await expect(createJobFromCronJob(drill, { ...MANUAL, replaceFinished: true })).rejects.toThrow(
      `in namespace ${namespace} (context cdtn-recovery-drill): Job cron-ingester-29412345 (active 1, neither Complete nor Failed); `,
    );
    expect(await jobNames(admin)).toEqual(['cron-ingester-29412345', 'unrelated']);
  });

  it('refuses a finished cron-ingester-manual, naming it and the flag; with the flag replaces it', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await createCronIngester(admin);
    const { pods } = await withKubelet(admin, MANUAL.jobName, ['Succeeded'], async () => {
      await runJobFromCronJob(drill, MANUAL);
      const first = await uidOf(admin, MANUAL.jobName);
      await expect(runJobFromCronJob(drill, MANUAL)).rejects.toThrow(
        `k8s: Job ${drill.namespace}/cron-ingester-manual already exists and has ended (context cdtn-recovery-drill); ` +
          'the drill does not replace it unless told: run with --replace-finished-job, or delete it ' +
          `(kubectl delete job cron-ingester-manual -n ${drill.namespace})`,
      );
      expect(await uidOf(admin, MANUAL.jobName)).toBe(first);

      const second = await runJobFromCronJob(drill, { ...MANUAL, replaceFinished: true });
      expect(second).toMatchObject({ name: 'cron-ingester-manual', succeeded: 1 });
      expect(await uidOf(admin, MANUAL.jobName)).not.toBe(first);
      expect(await jobNames(admin)).toEqual(['cron-ingester-manual']);
      expect(drill.calls.filter((call) => call.verb === 'delete')).toEqual([
        {
          verb: 'delete',
          resource: 'jobs',
          group: 'batch',
          namespace: drill.namespace,
          name: 'cron-ingester-manual',
        },
      ]);
    });
    // one pod per Job, each owned by its own Job
    expect(new Set(pods.map((pod) => pod.metadata?.ownerReferences?.[0]?.uid)).size).toBe(2);
  });
});
