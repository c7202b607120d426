// The run's output on a real API server, as a log or report would hold it (every error with its
// causes, and the kubeconfig copied into the evidence), grepped for the ServiceAccount token the
// run was given. (Secrets an ingester prints to its pod log need a node to reach the output.)
import { readFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCronIngester, createJobFromCronJob, waitForJob, withDrillLease } from '../../src/k8s/index.ts';
import { kubeconfigSecrets, redact, redactError } from '../../src/safety/index.ts';
import { drillInNewNamespaces } from './drill-account.ts';
import { useControlPlane, withKubelet } from './fixtures.ts';

const controlPlane = useControlPlane();
const MANUAL = { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual' };

describe('secrets in the run output', () => {
  it('no token of the kubeconfig survives redaction', async () => {
    const { admin, drill, kubeconfigPath } = await drillInNewNamespaces(controlPlane());
    const errors: unknown[] = [];
    const capture = (promise: Promise<unknown>) =>
      promise.then(
        () => errors.push(new Error('expected a failure')),
        (error: unknown) => errors.push(error),
      );
    // a missing CronJob, then a Job whose pod fails
    await capture(createJobFromCronJob(drill, MANUAL));
    await createCronIngester(admin, { backoffLimit: 0 });
    await capture(
      withKubelet(admin, MANUAL.jobName, ['Failed'], () =>
        withDrillLease(drill, {}, async () => {
          const job = await createJobFromCronJob(drill, MANUAL);
          return waitForJob(drill, job.metadata?.name ?? '', { intervalMs: 100 });
        }),
      ),
    );

    const kubeconfigText = await readFile(kubeconfigPath, 'utf8');
    const token = drill.config.getCurrentUser()?.token ?? '';
    expect(token).toMatch(/^ey/); // a TokenRequest JWT
    const raw = [...errors.map((error) => inspect(error, { depth: 6 })), kubeconfigText].join('\n');
    // the output holds it before redaction: the check below can fail
    expect(raw).toContain(token);

    const secrets = kubeconfigSecrets(drill.config);
    const output = [
      ...errors.map((error) => redactError(error, secrets)),
      ...errors.map((error) => redact(inspect(error, { depth: 6 }), secrets)),
      redact(kubeconfigText, secrets),
    ].join('\n');
    expect(output).not.toContain(token);
    expect(output).toContain(`CronJob ${drill.namespace}/cron-ingester not found`);
    expect(output).toContain('failed: BackoffLimitExceeded');
  });
});
