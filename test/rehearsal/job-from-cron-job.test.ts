// The Job from the CronJob, as the drill's ServiceAccount creates and follows it on a real API
// server: the Job controller creates its pods and writes its conditions; only the kubelet's part
// (each pod's end) is played through pods/status.
import { describe, expect, it } from 'vitest';
import {
  createCronIngester,
  createJobFromCronJob,
  cronIngesterManifest,
  waitForJob,
  withDrillLease,
  type KubeClient,
} from '../../src/k8s/index.ts';
import { drillInNewNamespaces } from './drill-account.ts';
import { useControlPlane, withKubelet } from './fixtures.ts';

const controlPlane = useControlPlane();
const MANUAL = { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual' };

async function leaseHolder(client: KubeClient): Promise<string | undefined> {
  const lease = await client.coordination.readNamespacedLease({
    name: 'cdtn-recovery-drill',
    namespace: client.namespace,
  });
  return lease.spec?.holderIdentity;
}

function createAndWait(drill: KubeClient, options: { timeoutMs?: number } = {}) {
  return async () => {
    const job = await createJobFromCronJob(drill, MANUAL);
    return waitForJob(drill, job.metadata?.name ?? '', { intervalMs: 100, ...options });
  };
}

describe('createJobFromCronJob', () => {
  it('builds the job as kubectl create job --from=cronjob does', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    const manifest = cronIngesterManifest();
    const template = manifest.spec?.jobTemplate ?? {};
    template.metadata = { ...template.metadata, annotations: { 'kapp.k14s.io/disable-original': '' } };
    const cronJob = await admin.batch.createNamespacedCronJob({ namespace: admin.namespace, body: manifest });
    const job = await createJobFromCronJob(drill, MANUAL);
    const stored = await admin.batch.readNamespacedJob({ name: MANUAL.jobName, namespace: admin.namespace });
    for (const created of [job, stored]) {
      expect(created.metadata?.annotations).toEqual({
        'cronjob.kubernetes.io/instantiate': 'manual',
        'kapp.k14s.io/disable-original': '',
      });
      // the API server adds the job-name and controller-uid labels, to the Job and its pod template
      expect(created.metadata?.labels).toMatchObject({ app: 'ingester' });
      expect(created.metadata?.ownerReferences).toEqual([
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: 'cron-ingester',
          uid: cronJob.metadata?.uid,
          controller: true,
        },
      ]);
      expect(created.spec).toMatchObject({
        backoffLimit: 1,
        activeDeadlineSeconds: 21_600,
        template: { spec: cronJob.spec?.jobTemplate.spec?.template.spec },
      });
    }
  });

  it('names the missing CronJob, and the lease is released', async () => {
    const { drill } = await drillInNewNamespaces(controlPlane());
    const run = withDrillLease(drill, { holderIdentity: 'test-missing' }, () =>
      createJobFromCronJob(drill, MANUAL),
    );
    await expect(run).rejects.toThrow(
      `k8s: CronJob ${drill.namespace}/cron-ingester not found (context cdtn-recovery-drill, API server ${controlPlane().server})`,
    );
    expect(await leaseHolder(drill)).toBeUndefined();
  });
});

describe('waitForJob', () => {
  it('returns when the Job controller marks the job Complete, with its counts', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await createCronIngester(admin);
    const { result, pods } = await withKubelet(admin, MANUAL.jobName, ['Succeeded'], createAndWait(drill));
    expect(pods.map((pod) => pod.metadata?.ownerReferences?.[0]?.name)).toEqual([MANUAL.jobName]);
    expect(result).toMatchObject({ name: 'cron-ingester-manual', succeeded: 1, failed: 0 });
    expect(result.completionTime?.getTime()).toBeGreaterThanOrEqual(result.startTime?.getTime() ?? Infinity);
  });

  it('reports a job that reached its backoff limit, and the lease is released', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    const cronJob = await createCronIngester(admin);
    const backoffLimit = cronJob.spec?.jobTemplate.spec?.backoffLimit ?? 0;
    const failing = withKubelet(admin, MANUAL.jobName, ['Failed'], () =>
      withDrillLease(drill, { holderIdentity: 'test-backoff' }, createAndWait(drill)),
    );
    // the controller retries after its own back-off (10 s), then gives up
    await expect(failing).rejects.toThrow(
      new RegExp(
        `Job ${drill.namespace}/cron-ingester-manual failed: BackoffLimitExceeded \\(Job has reached the specified backoff limit\\); ` +
          `active 0, succeeded 0, failed ${backoffLimit + 1}, backoffLimit ${backoffLimit}; ` +
          `pod cron-ingester-manual-\\w+ has no log \\(it ran on no node, or its node is gone\\)$`,
      ),
    );
    expect(await leaseHolder(drill)).toBeUndefined();
  });

  it('reports a job killed at its activeDeadlineSeconds', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await createCronIngester(admin, { activeDeadlineSeconds: 1, backoffLimit: 3 });
    // its pod never ends: the Job controller stops it at the deadline
    await expect(createAndWait(drill)()).rejects.toThrow(
      /failed: DeadlineExceeded \(Job was active longer than specified deadline\); active 0, succeeded 0, failed 1, backoffLimit 3/,
    );
  });

  it('gives up at its own limit when nothing finishes the job, and the lease is released', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await createCronIngester(admin);
    const timeoutMs = 3_000;
    const waiting = withDrillLease(
      drill,
      { holderIdentity: 'test-timeout' },
      createAndWait(drill, { timeoutMs }),
    );
    // the Job controller has created the pod: it is active, Pending on no node
    await expect(waiting).rejects.toThrow(
      `Job ${drill.namespace}/cron-ingester-manual neither Complete nor Failed after ${timeoutMs} ms (active 1, succeeded 0, failed 0, backoffLimit 1)`,
    );
    expect(await leaseHolder(drill)).toBeUndefined();
  });

  it('stops waiting when the run is aborted', async () => {
    const { admin, drill } = await drillInNewNamespaces(controlPlane());
    await createCronIngester(admin);
    const job = await createJobFromCronJob(drill, MANUAL);
    const abort = new AbortController();
    const waiting = waitForJob(drill, job.metadata?.name ?? '', { intervalMs: 50, signal: abort.signal });
    abort.abort(new Error('Ctrl-C'));
    await expect(waiting).rejects.toThrow('Ctrl-C');
  });
});
