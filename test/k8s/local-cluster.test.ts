import type { V1Job } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { startLocalCluster } from '../../src/ephemeral/start-local-cluster.ts';
import { CRON_INGESTER, loadKubeClient, runJobFromCronJob } from '../../src/k8s/index.ts';

describe('startLocalCluster', () => {
  it('runs the work of the job created from cron-ingester, as a cluster would', async () => {
    const ran: V1Job[] = [];
    const cluster = await startLocalCluster({
      run: async (job, { log }) => {
        ran.push(job);
        log('ingesting @socialgouv/legi-data');
      },
    });
    try {
      expect(cluster.namespace).toBe('cdtn-admin');
      const client = loadKubeClient({ kubeconfigPath: cluster.kubeconfigPath });
      const first = await runJobFromCronJob(client, {
        cronJob: CRON_INGESTER,
        jobName: 'cron-ingester-manual',
        intervalMs: 50,
      });
      const second = await runJobFromCronJob(client, {
        cronJob: CRON_INGESTER,
        jobName: 'cron-ingester-manual',
        replaceFinished: true,
        intervalMs: 50,
      });
      expect([first, second].map((result) => [result.name, result.namespace, result.succeeded])).toEqual([
        ['cron-ingester-manual', 'cdtn-admin', 1],
        ['cron-ingester-manual', 'cdtn-admin', 1],
      ]);
      expect(ran.map((job) => job.metadata?.ownerReferences?.[0]?.name)).toEqual([
        CRON_INGESTER,
        CRON_INGESTER,
      ]);
      expect(cluster.controllerErrors).toEqual([]);
    } finally {
      await cluster.stop();
    }
  });
});
