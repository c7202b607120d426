// The cluster flags through the CLI, on --dry-run with a kubeconfig whose cluster is never reached.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkClusterSafety, formatPlannedActions } from '../../src/safety/index.ts';
import { fixtureRun, runCli } from './run-cli.ts';

const CONTEXT = 'drill-test';
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-kube-'));
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(
    kubeconfig,
    [
      'apiVersion: v1',
      'kind: Config',
      `current-context: ${CONTEXT}`,
      'clusters: [{ name: unreachable, cluster: { server: "https://127.0.0.1:9" } }]',
      'users: [{ name: drill, user: { token: not-a-secret } }]',
      `contexts: [{ name: ${CONTEXT}, context: { cluster: unreachable, user: drill } }, { name: other, context: { cluster: unreachable, user: drill } }]`,
      '',
    ].join('\n'),
  );
  env = { KUBECONFIG: kubeconfig };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const clusterDryRun = (...flags: string[]) =>
  runCli(fixtureRun({ reports: join(dir, 'reports') }, '--target', 'cluster', '--dry-run', ...flags), env);

describe('cdtn-drill run --target cluster', () => {
  it('lists the destructive steps and which would run', async () => {
    const result = await clusterDryRun('--confirm', CONTEXT, '--allow-restore');
    expect(result.code, result.stderr).toBe(0);
    const safety = checkClusterSafety(
      { confirm: CONTEXT, allowRestore: true, dryRun: true },
      { currentContext: CONTEXT, contexts: [CONTEXT, 'other'] },
    );
    if (!safety.ok) throw new Error(safety.problems.join('; '));
    expect(result.stdout).toContain(
      `cluster ${CONTEXT}, dry-run:\n${formatPlannedActions(safety.actions)}\n`,
    );
  });

  it('refuses an --allow-* without --confirm, and a --confirm naming another context, with exit 2', async () => {
    const unconfirmed = await clusterDryRun('--allow-job');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain(
      '--allow-job needs --confirm <context>: without it the run is read-only',
    );
    const otherContext = await clusterDryRun('--confirm', 'other');
    expect(otherContext.code).toBe(2);
    expect(otherContext.stderr).toContain(
      `--confirm other does not match the kubeconfig's current context ${CONTEXT}`,
    );
  });

  it('refuses --replace-finished-job without --allow-job, and lists it with it', async () => {
    const alone = await clusterDryRun('--confirm', CONTEXT, '--replace-finished-job');
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain(
      '--replace-finished-job needs --allow-job: it only says what to do with a finished cron-ingester-manual',
    );
    const withJob = await clusterDryRun('--confirm', CONTEXT, '--allow-job', '--replace-finished-job');
    expect(withJob.code, withJob.stderr).toBe(0);
    expect(withJob.stdout).toContain(
      'delete a finished Job cron-ingester-manual before creating the new one (tt3)  [--replace-finished-job: allowed, but --dry-run]',
    );
  });

  it('rejects the cluster flags on the ephemeral target', async () => {
    const result = await runCli(
      fixtureRun({ reports: join(dir, 'reports') }, '--dry-run', '--confirm', CONTEXT),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--confirm: expected only with --target cluster, received --target ephemeral',
    );
  });
});
