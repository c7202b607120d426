// One ingestion at a time, against the test API server: the manual Job is refused while a Job of
// cron-ingester runs, and while a finished cron-ingester-manual is there unless told to replace it.
import { describe, expect, it } from 'vitest';
import {
  createJobFromCronJob,
  jobFromCronJob,
  runJobFromCronJob,
  type KubeClient,
} from '../../src/k8s/index.ts';
import { clientInNewNamespace, createCronIngester, useTestApiServer, withController } from './fixtures.ts';

const server = useTestApiServer();
const MANUAL = { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual', intervalMs: 50 };

async function jobNames(client: KubeClient): Promise<string[]> {
  const jobs = await client.batch.listNamespacedJob({ namespace: client.namespace });
  return jobs.items.map((job) => job.metadata?.name ?? '').sort();
}

async function uidOf(client: KubeClient, name: string): Promise<string | undefined> {
  const job = await client.batch.readNamespacedJob({ name, namespace: client.namespace });
  return job.metadata?.uid;
}

describe('createJobFromCronJob, one ingestion at a time', () => {
  it('refuses a second ingestion while the first runs, even when told to replace a finished one', async () => {
    const client = clientInNewNamespace(server());
    await createCronIngester(client);
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await withController(
      server(),
      client,
      async () => {
        started();
        await released;
      },
      async () => {
        await createJobFromCronJob(client, MANUAL);
        await running; // the controller has set active: 1 and runs the work
        const first = await uidOf(client, MANUAL.jobName);
        for (const replaceFinished of [false, true]) {
          await expect(createJobFromCronJob(client, { ...MANUAL, replaceFinished })).rejects.toThrow(
            `k8s: an ingestion is running in namespace ${client.namespace} (context drill-test): ` +
              'Job cron-ingester-manual (active 1, neither Complete nor Failed); the drill never starts a second one',
          );
        }
        expect(await uidOf(client, MANUAL.jobName)).toBe(first);
        release();
      },
    );
  });

  it("refuses while a Job the CronJob scheduled has not ended; other Jobs don't count", async () => {
    const client = clientInNewNamespace(server());
    const cronJob = await createCronIngester(client);
    const namespace = client.namespace;
    const unowned = { ...jobFromCronJob(cronJob, 'unrelated'), metadata: { name: 'unrelated' } };
    await client.batch.createNamespacedJob({ namespace, body: unowned });
    await client.batch.createNamespacedJob({
      namespace,
      body: jobFromCronJob(cronJob, 'cron-ingester-29412345'),
    });
    await expect(createJobFromCronJob(client, { ...MANUAL, replaceFinished: true })).rejects.toThrow(
      `in namespace ${namespace} (context drill-test): Job cron-ingester-29412345 (active 0, neither Complete nor Failed); `,
    );
    expect(await jobNames(client)).toEqual(['cron-ingester-29412345', 'unrelated']);
  });

  it('refuses a finished cron-ingester-manual, naming it and the flag; with the flag replaces it', async () => {
    const client = clientInNewNamespace(server());
    await createCronIngester(client);
    const ran: string[] = [];
    await withController(
      server(),
      client,
      async (job) => {
        ran.push(job.metadata?.uid ?? '');
      },
      async () => {
        await runJobFromCronJob(client, MANUAL);
        const first = await uidOf(client, MANUAL.jobName);
        await expect(runJobFromCronJob(client, MANUAL)).rejects.toThrow(
          `k8s: Job ${client.namespace}/cron-ingester-manual already exists and has ended (context drill-test); ` +
            'the drill does not replace it unless told: run with --replace-finished-job, or delete it ' +
            `(kubectl delete job cron-ingester-manual -n ${client.namespace})`,
        );
        expect(await uidOf(client, MANUAL.jobName)).toBe(first);

        const second = await runJobFromCronJob(client, { ...MANUAL, replaceFinished: true });
        expect(second).toMatchObject({ name: 'cron-ingester-manual', succeeded: 1 });
        const replaced = await uidOf(client, MANUAL.jobName);
        expect(replaced).not.toBe(first);
        expect(ran).toEqual([first, replaced]);
        expect(await jobNames(client)).toEqual(['cron-ingester-manual']);
        expect(client.calls.filter((call) => call.verb === 'delete')).toEqual([
          {
            verb: 'delete',
            resource: 'jobs',
            group: 'batch',
            namespace: client.namespace,
            name: 'cron-ingester-manual',
          },
        ]);
      },
    );
  });
});
