import { describe, expect, it } from 'vitest';
import {
  createJobFromCronJob,
  cronIngesterManifest,
  waitForJob,
  withDrillLease,
  type KubeClient,
} from '../../src/k8s/index.ts';
import { startJobController } from '../../src/ephemeral/job-controller.ts';
import { clientInNewNamespace, createCronIngester, useTestApiServer, withController } from './fixtures.ts';

const server = useTestApiServer();

async function leaseHolder(client: KubeClient): Promise<string | undefined> {
  const lease = await client.coordination.readNamespacedLease({
    name: 'cdtn-recovery-drill',
    namespace: client.namespace,
  });
  return lease.spec?.holderIdentity;
}

describe('createJobFromCronJob', () => {
  it('builds the job as kubectl create job --from=cronjob does', async () => {
    const client = clientInNewNamespace(server());
    const manifest = cronIngesterManifest();
    const template = manifest.spec?.jobTemplate ?? {};
    template.metadata = { ...template.metadata, annotations: { 'kapp.k14s.io/disable-original': '' } };
    const cronJob = await client.batch.createNamespacedCronJob({
      namespace: client.namespace,
      body: manifest,
    });
    const job = await createJobFromCronJob(client, {
      cronJob: 'cron-ingester',
      jobName: 'cron-ingester-manual',
    });
    const stored = await client.batch.readNamespacedJob({
      name: 'cron-ingester-manual',
      namespace: client.namespace,
    });
    for (const created of [job, stored]) {
      expect(created.metadata?.annotations).toEqual({
        'cronjob.kubernetes.io/instantiate': 'manual',
        ...cronJob.spec?.jobTemplate.metadata?.annotations,
      });
      expect(created.metadata?.labels).toEqual(cronJob.spec?.jobTemplate.metadata?.labels);
      expect(created.metadata?.ownerReferences).toEqual([
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: 'cron-ingester',
          uid: cronJob.metadata?.uid,
          controller: true,
        },
      ]);
      expect(created.spec).toEqual(cronJob.spec?.jobTemplate.spec);
    }
  });

  it('names the missing CronJob, and the lease is released', async () => {
    const client = clientInNewNamespace(server());
    const run = withDrillLease(client, { holderIdentity: 'test-missing' }, () =>
      createJobFromCronJob(client, { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual' }),
    );
    await expect(run).rejects.toThrow(
      `k8s: CronJob ${client.namespace}/cron-ingester not found (context drill-test, API server ${server().url})`,
    );
    expect(await leaseHolder(client)).toBeUndefined();
  });
});

describe('waitForJob', () => {
  it('returns when the job completes, with its counts', async () => {
    const client = clientInNewNamespace(server());
    await createCronIngester(client);
    const worked: string[] = [];
    const result = await withController(
      server(),
      client,
      async (job) => {
        worked.push(job.metadata?.name ?? '');
      },
      async () => {
        const job = await createJobFromCronJob(client, {
          cronJob: 'cron-ingester',
          jobName: 'cron-ingester-manual',
        });
        return waitForJob(client, job.metadata?.name ?? '', { intervalMs: 50 });
      },
    );
    expect(worked).toEqual(['cron-ingester-manual']);
    expect(result).toMatchObject({ name: 'cron-ingester-manual', succeeded: 1, failed: 0 });
    expect(result.completionTime?.getTime()).toBeGreaterThanOrEqual(result.startTime?.getTime() ?? Infinity);
  });

  it('reports a job that reached its backoff limit with the tail of its pod log, and the lease is released', async () => {
    const client = clientInNewNamespace(server());
    const cronJob = await createCronIngester(client);
    const backoffLimit = cronJob.spec?.jobTemplate.spec?.backoffLimit ?? 0;
    const attempts: number[] = [];
    const failing = withController(
      server(),
      client,
      async (_job, { log, attempt }) => {
        attempts.push(attempt);
        log(`attempt ${attempt}: fetching @socialgouv/legi-data`);
        throw new Error(`attempt ${attempt}: HASURA_GRAPHQL_ENDPOINT refused the connection`);
      },
      () =>
        withDrillLease(client, { holderIdentity: 'test-backoff' }, async () => {
          const job = await createJobFromCronJob(client, {
            cronJob: 'cron-ingester',
            jobName: 'cron-ingester-manual',
          });
          return waitForJob(client, job.metadata?.name ?? '', { intervalMs: 50 });
        }),
    );
    const lastAttempt = backoffLimit + 1;
    await expect(failing).rejects.toThrow(
      new RegExp(
        `Job ${client.namespace}/cron-ingester-manual failed: BackoffLimitExceeded \\(Job has reached the specified backoff limit\\); ` +
          `active 0, succeeded 0, failed ${lastAttempt}, backoffLimit ${backoffLimit}; last \\d+ log lines of pod cron-ingester-manual-\\w+:\\n` +
          `attempt ${lastAttempt}: fetching @socialgouv/legi-data\\nError: attempt ${lastAttempt}: HASURA_GRAPHQL_ENDPOINT refused`,
      ),
    );
    expect(attempts).toEqual(Array.from({ length: lastAttempt }, (_, i) => i + 1));
    expect(await leaseHolder(client)).toBeUndefined();
  });

  it('reports a job killed at its activeDeadlineSeconds', async () => {
    const client = clientInNewNamespace(server());
    await createCronIngester(client, { activeDeadlineSeconds: 1, backoffLimit: 3 });
    const failing = withController(
      server(),
      client,
      (_job, { signal, log }) =>
        new Promise<void>((_resolve, reject) => {
          log('ingesting @socialgouv/kali-data');
          signal.addEventListener('abort', () => reject(new Error('killed at the deadline')));
        }),
      async () => {
        const job = await createJobFromCronJob(client, {
          cronJob: 'cron-ingester',
          jobName: 'cron-ingester-manual',
        });
        return waitForJob(client, job.metadata?.name ?? '', { intervalMs: 50 });
      },
    );
    await expect(failing).rejects.toThrow(
      /failed: DeadlineExceeded \(Job was active longer than specified deadline\); active 0, succeeded 0, failed 1, [^\n]*\n?ingesting @socialgouv\/kali-data/,
    );
  });

  it('gives up at its own limit when nothing finishes the job, and the lease is released', async () => {
    const client = clientInNewNamespace(server());
    await createCronIngester(client);
    const timeoutMs = 300;
    const waiting = withDrillLease(client, { holderIdentity: 'test-timeout' }, async () => {
      const job = await createJobFromCronJob(client, {
        cronJob: 'cron-ingester',
        jobName: 'cron-ingester-manual',
      });
      return waitForJob(client, job.metadata?.name ?? '', { timeoutMs, intervalMs: 50 });
    });
    await expect(waiting).rejects.toThrow(
      `Job ${client.namespace}/cron-ingester-manual neither Complete nor Failed after ${timeoutMs} ms (active 0, succeeded 0, failed 0, backoffLimit 1)`,
    );
    expect(await leaseHolder(client)).toBeUndefined();
  });

  it('stops waiting when the run is aborted', async () => {
    const client = clientInNewNamespace(server());
    await createCronIngester(client);
    const job = await createJobFromCronJob(client, {
      cronJob: 'cron-ingester',
      jobName: 'cron-ingester-manual',
    });
    const abort = new AbortController();
    const waiting = waitForJob(client, job.metadata?.name ?? '', { intervalMs: 50, signal: abort.signal });
    abort.abort(new Error('Ctrl-C'));
    await expect(waiting).rejects.toThrow('Ctrl-C');
  });
});

describe('startJobController', () => {
  it('stops without waiting for work that is still running, and leaves its job unfinished', async () => {
    const client = clientInNewNamespace(server());
    await createCronIngester(client);
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    let aborted = false;
    const controller = await startJobController({
      kubeconfig: server().kubeconfigPath,
      namespace: client.namespace,
      intervalMs: 50,
      run: (_job, { signal }) => {
        started();
        return new Promise<void>((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('stopped'));
          }),
        );
      },
    });
    try {
      await createJobFromCronJob(client, { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual' });
      await running;
    } finally {
      await controller.stop();
    }
    expect(aborted).toBe(true);
    const job = await client.batch.readNamespacedJob({
      name: 'cron-ingester-manual',
      namespace: client.namespace,
    });
    expect(job.status?.startTime).toBeDefined();
    expect(job.status?.conditions ?? []).toEqual([]);
  });
});
