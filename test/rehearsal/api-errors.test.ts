// The Kubernetes module's errors on a real API server: an unreachable server, a server that goes
// away during the wait, a kubeconfig that does not name the context asked for, a --confirm that
// does not match it. RBAC's refusals are in rbac-rules.test.ts.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  createCronIngester,
  createJobFromCronJob,
  loadKubeClient,
  loadKubeConfig,
  waitForJob,
  withDrillLease,
} from '../../src/k8s/index.ts';
import { REHEARSAL_CONTEXT, startControlPlane } from '../../src/rehearsal/index.ts';
import { checkClusterSafety } from '../../src/safety/index.ts';
import { drillInNewNamespaces } from './drill-account.ts';
import { adminInNewNamespace, useControlPlane } from './fixtures.ts';

const controlPlane = useControlPlane();

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
  it('says the API server cannot be reached, naming it and the context', async () => {
    const port = await closedPort();
    const dir = await mkdtemp(join(tmpdir(), 'drill-unreachable-'));
    dirs.push(dir);
    const kubeconfigPath = join(dir, 'kubeconfig.yaml');
    const kubeconfig = await readFile(controlPlane().kubeconfigPath, 'utf8');
    await writeFile(kubeconfigPath, kubeconfig.replace(controlPlane().server, `https://127.0.0.1:${port}`));
    const client = loadKubeClient({ kubeconfigPath, namespace: 'cdtn-admin' });
    await expect(withDrillLease(client, {}, async () => undefined)).rejects.toThrow(
      `k8s: cannot reach the Kubernetes API server https://127.0.0.1:${port} (context ${REHEARSAL_CONTEXT}) to get Lease cdtn-admin/cdtn-recovery-drill: ECONNREFUSED`,
    );
  });

  it('gives up when the API server goes away during the wait, and says the lease could not be released', async () => {
    const own = await startControlPlane({ binDir: inject('kubernetesBinDir') });
    try {
      const { admin, drill } = await drillInNewNamespaces(own);
      await createCronIngester(admin);
      const run = withDrillLease(drill, { holderIdentity: 'test-gone' }, async () => {
        const job = await createJobFromCronJob(drill, {
          cronJob: 'cron-ingester',
          jobName: 'cron-ingester-manual',
        });
        // the control plane stops while the wait runs; both settle before the wait's outcome is looked at
        const [waited] = await Promise.allSettled([
          waitForJob(drill, job.metadata?.name ?? '', { intervalMs: 50, unreachableMs: 300 }),
          own.stop(),
        ]);
        if (waited.status === 'rejected') throw waited.reason;
        return waited.value;
      });
      const error: unknown = await run.then(
        () => new Error('expected the run to fail'),
        (reason: unknown) => reason,
      );
      // A stopping API server either answers 503 while it shuts down or no longer answers at all
      // (refused, reset, closed by the other side): both end the wait, naming the Job and the server.
      const job = `${drill.namespace}/cron-ingester-manual`;
      expect(error instanceof Error ? error.message : error).toMatch(
        new RegExp(
          `(cannot reach the Kubernetes API server ${own.server} \\(context cdtn-recovery-drill\\) to get Job ${job}: [^;]+` +
            `|get Job ${job} answered HTTP 503 \\(context cdtn-recovery-drill, API server ${own.server}\\): apiserver is shutting down); ` +
            `and the Lease ${drill.namespace}/cdtn-recovery-drill could not be released`,
        ),
      );
    } finally {
      await own.stop();
    }
  });

  it('lists the contexts when the one asked for is not in the kubeconfig', () => {
    expect(() =>
      loadKubeClient({ kubeconfigPath: controlPlane().kubeconfigPath, context: 'ovh-prod' }),
    ).toThrow(`k8s: context ovh-prod is not in the kubeconfig; it has: ${REHEARSAL_CONTEXT}`);
  });

  it('names a kubeconfig file that does not exist', () => {
    expect(() => loadKubeClient({ kubeconfigPath: '/nonexistent/kubeconfig' })).toThrow(
      'k8s: kubeconfig /nonexistent/kubeconfig does not exist',
    );
  });
});

describe('a kubeconfig whose context does not match --confirm', () => {
  it('stops the run before anything is written: no Lease is taken', async () => {
    const admin = await adminInNewNamespace(controlPlane());
    const config = loadKubeConfig({ kubeconfigPath: controlPlane().kubeconfigPath });
    const safety = checkClusterSafety({ confirm: 'ovh-prod', allowJob: true }, config);
    expect(safety.ok).toBe(false);
    expect(!safety.ok && safety.problems[0]).toBe(
      `--confirm ovh-prod does not match the kubeconfig's current context ${REHEARSAL_CONTEXT}`,
    );
    await expect(
      admin.coordination.readNamespacedLease({ name: 'cdtn-recovery-drill', namespace: admin.namespace }),
    ).rejects.toMatchObject({ code: 404 });
  });
});
