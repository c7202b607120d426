import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createJobFromCronJob,
  loadKubeClient,
  loadKubeConfig,
  waitForJob,
  withDrillLease,
} from '../../src/k8s/index.ts';
import { startTestApiServer } from '../../src/ephemeral/start-test-api-server.ts';
import { checkClusterSafety } from '../../src/safety/index.ts';
import { createCronIngester, useTestApiServer } from './fixtures.ts';

// CRUD mode grants everything: the 403 comes from a fixed answer (the mock's expectation mode).
const FORBIDDEN_NAMESPACE = 'drill-forbidden';
const server = useTestApiServer({
  namespace: FORBIDDEN_NAMESPACE,
  answers: [
    {
      status: 403,
      method: 'GET',
      path: `/apis/batch/v1/namespaces/${FORBIDDEN_NAMESPACE}/cronjobs/cron-ingester`,
    },
  ],
});

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('API errors', () => {
  it('names the verb, resource and grants on a 403, and the lease is released', async () => {
    const client = loadKubeClient({ kubeconfigPath: server().kubeconfigPath });
    await createCronIngester(client);
    const run = withDrillLease(client, { holderIdentity: 'test-403' }, () =>
      createJobFromCronJob(client, { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual' }),
    );
    await expect(run).rejects.toThrow(
      `k8s: forbidden to get cronjobs (apiGroup "batch") in namespace ${FORBIDDEN_NAMESPACE} (context drill-test, API server ${server().url})`,
    );
    await expect(run).rejects.toThrow('the drill needs the grants of deploy/rbac.yaml');
    const lease = await client.coordination.readNamespacedLease({
      name: 'cdtn-recovery-drill',
      namespace: FORBIDDEN_NAMESPACE,
    });
    expect(lease.spec?.holderIdentity).toBeUndefined();
  });

  it('says the API server cannot be reached, naming it and the context', async () => {
    const port = await closedPort();
    const dir = await mkdtemp(join(tmpdir(), 'drill-unreachable-'));
    dirs.push(dir);
    const kubeconfigPath = join(dir, 'kubeconfig.yaml');
    const kubeconfig = await readFile(server().kubeconfigPath, 'utf8');
    await writeFile(kubeconfigPath, kubeconfig.replace(server().url, `http://127.0.0.1:${port}`));
    const client = loadKubeClient({ kubeconfigPath });
    await expect(withDrillLease(client, {}, async () => undefined)).rejects.toThrow(
      `k8s: cannot reach the Kubernetes API server http://127.0.0.1:${port} (context drill-test) to get Lease ${FORBIDDEN_NAMESPACE}/cdtn-recovery-drill: ECONNREFUSED`,
    );
  });

  it('gives up when the API server goes away during the wait, and says the lease could not be released', async () => {
    const own = await startTestApiServer();
    try {
      const client = loadKubeClient({ kubeconfigPath: own.kubeconfigPath });
      await createCronIngester(client);
      const run = withDrillLease(client, { holderIdentity: 'test-gone' }, async () => {
        const job = await createJobFromCronJob(client, {
          cronJob: 'cron-ingester',
          jobName: 'cron-ingester-manual',
        });
        // the server stops while the wait runs; both settle before the wait's outcome is looked at
        const [waited] = await Promise.allSettled([
          waitForJob(client, job.metadata?.name ?? '', { intervalMs: 50, unreachableMs: 300 }),
          own.stop(),
        ]);
        if (waited.status === 'rejected') throw waited.reason;
        return waited.value;
      });
      const error: unknown = await run.then(
        () => new Error('expected the run to fail'),
        (reason: unknown) => reason,
      );
      // the code depends on when the connection broke: refused, reset, closed by the other side
      expect(error instanceof Error ? error.message : error).toMatch(
        new RegExp(
          `cannot reach the Kubernetes API server ${own.url} \\(context drill-test\\) to get Job ${own.namespace}/cron-ingester-manual: [^;]+; ` +
            `and the Lease ${own.namespace}/cdtn-recovery-drill could not be released`,
        ),
      );
    } finally {
      await own.stop();
    }
  });

  it('lists the contexts when the one asked for is not in the kubeconfig', () => {
    expect(() => loadKubeClient({ kubeconfigPath: server().kubeconfigPath, context: 'ovh-prod' })).toThrow(
      'k8s: context ovh-prod is not in the kubeconfig; it has: drill-test',
    );
  });

  it('names a kubeconfig file that does not exist', () => {
    expect(() => loadKubeClient({ kubeconfigPath: '/nonexistent/kubeconfig' })).toThrow(
      'k8s: kubeconfig /nonexistent/kubeconfig does not exist',
    );
  });
});

describe('a kubeconfig whose context does not match --confirm', () => {
  it('stops the run before anything is written: no Lease is taken', async () => {
    const config = loadKubeConfig({ kubeconfigPath: server().kubeconfigPath });
    const safety = checkClusterSafety({ confirm: 'ovh-prod', allowJob: true }, config);
    expect(safety.ok).toBe(false);
    expect(!safety.ok && safety.problems[0]).toBe(
      "--confirm ovh-prod does not match the kubeconfig's current context drill-test",
    );
    const client = loadKubeClient({
      kubeconfigPath: server().kubeconfigPath,
      namespace: 'drill-unconfirmed',
    });
    await expect(
      client.coordination.readNamespacedLease({
        name: 'cdtn-recovery-drill',
        namespace: 'drill-unconfirmed',
      }),
    ).rejects.toMatchObject({ code: 404 });
  });
});
