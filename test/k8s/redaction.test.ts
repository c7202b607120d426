// The run's output, as a log or report would hold it (every error with its causes, and the
// kubeconfig copied into the evidence), grepped for the secrets the run was given.
import { readFile } from 'node:fs/promises';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startJobController } from '../../src/ephemeral/job-controller.ts';
import { createJobFromCronJob, waitForJob, withDrillLease } from '../../src/k8s/index.ts';
import { environmentSecrets, kubeconfigSecrets, redact, redactError } from '../../src/safety/index.ts';
import { clientInNewNamespace, createCronIngester, useTestApiServer } from './fixtures.ts';

const server = useTestApiServer();

describe('secrets in the run output', () => {
  it('no password, token or kubeconfig credential survives redaction', async () => {
    const env = {
      HASURA_GRAPHQL_ADMIN_SECRET: 'hasura-admin-secret-7c1e',
      DATABASE_URL: 'postgres://cdtn:pg-password-93ab@db.cluster:5432/cdtn-admin',
      PGPASSWORD: 'pg-password-93ab',
    };
    const client = clientInNewNamespace(server());
    const errors: unknown[] = [];
    const capture = (promise: Promise<unknown>) =>
      promise.then(
        () => errors.push(new Error('expected a failure')),
        (error: unknown) => errors.push(error),
      );

    // a missing CronJob
    await capture(
      createJobFromCronJob(client, { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual' }),
    );
    // an ingester that prints its environment before failing: the secrets reach the pod log tail
    await createCronIngester(client, { backoffLimit: 0 });
    const controller = await startJobController({
      kubeconfig: server().kubeconfigPath,
      namespace: client.namespace,
      intervalMs: 50,
      run: async (_job, { log }) => {
        log(
          `HASURA_GRAPHQL_ADMIN_SECRET=${env.HASURA_GRAPHQL_ADMIN_SECRET} DATABASE_URL=${env.DATABASE_URL}`,
        );
        log(`Authorization: Bearer ${server().token}`);
        throw new Error(`password authentication failed for user "cdtn" (${env.PGPASSWORD})`);
      },
    });
    try {
      await capture(
        withDrillLease(client, {}, async () => {
          const job = await createJobFromCronJob(client, {
            cronJob: 'cron-ingester',
            jobName: 'cron-ingester-manual',
          });
          return waitForJob(client, job.metadata?.name ?? '', { intervalMs: 50 });
        }),
      );
    } finally {
      await controller.stop();
    }

    const kubeconfigText = await readFile(server().kubeconfigPath, 'utf8');
    const raw = [...errors.map((error) => inspect(error, { depth: 6 })), kubeconfigText].join('\n');
    const secrets = [...kubeconfigSecrets(client.config), ...environmentSecrets(env)];
    const given = [server().token, env.HASURA_GRAPHQL_ADMIN_SECRET, 'pg-password-93ab'];
    // the output holds them before redaction: the check below can fail
    for (const secret of given) expect(raw).toContain(secret);

    const output = [
      ...errors.map((error) => redactError(error, secrets)),
      ...errors.map((error) => redact(inspect(error, { depth: 6 }), secrets)),
      redact(kubeconfigText, secrets),
    ].join('\n');
    for (const secret of given) expect(output).not.toContain(secret);
    expect(output).toContain(`CronJob ${client.namespace}/cron-ingester not found`);
    expect(output).toContain('failed: BackoffLimitExceeded');
  });
});
