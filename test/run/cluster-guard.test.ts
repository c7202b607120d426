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
  // The drill's config file lists where a confirmed run may write; the variables say where it would.
  const config = join(dir, 'drill-config.json');
  await writeFile(config, JSON.stringify({ writeTargets: WRITE_TARGETS }));
  env = {
    KUBECONFIG: kubeconfig,
    DRILL_CONFIG: config,
    DATABASE_URL: 'postgres://drill:secret@127.0.0.1:9/cdtn_admin',
    ELASTICSEARCH_URL: 'http://127.0.0.1:9',
    DRILL_EXPORT_URL: 'http://127.0.0.1:9/export',
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const WRITE_TARGETS = {
  kube: [`${CONTEXT}/cdtn-admin`],
  postgres: ['127.0.0.1:9/cdtn_admin'],
  search: ['http://127.0.0.1:9'],
  exportService: ['http://127.0.0.1:9'],
};

const clusterDryRun = (flags: string[], extraEnv: Record<string, string> = {}) =>
  runCli(fixtureRun({ reports: join(dir, 'reports') }, '--target', 'cluster', '--dry-run', ...flags), {
    ...env,
    ...extraEnv,
  });

describe('cdtn-drill run --target cluster', () => {
  it('lists the steps and which would run, what tt2 restores into and every write endpoint', async () => {
    const result = await clusterDryRun(['--confirm', CONTEXT, '--allow-restore'], {
      DRILL_CONFIRM_RESTORE: '127.0.0.1/cdtn_admin',
    });
    expect(result.code, result.stderr).toBe(0);
    const safety = checkClusterSafety(
      { confirm: CONTEXT, allowRestore: true, dryRun: true },
      { currentContext: CONTEXT, contexts: [CONTEXT, 'other'] },
      { DRILL_CONFIRM_RESTORE: '127.0.0.1/cdtn_admin' },
      {
        endpoints: {
          kube: `${CONTEXT}/cdtn-admin`,
          postgres: '127.0.0.1:9/cdtn_admin',
          search: 'http://127.0.0.1:9',
          exportService: 'http://127.0.0.1:9/export',
        },
        allowList: WRITE_TARGETS,
      },
    );
    if (!safety.ok) throw new Error(safety.problems.join('; '));
    expect(result.stdout).toContain(
      `cluster ${CONTEXT}, dry-run:\n${formatPlannedActions(safety.actions)}\n`,
    );
    expect(result.stdout).toContain(
      'tt2: declared recovery: pg_restore over the live database 127.0.0.1/cdtn_admin, no post-restore (production)\n',
    );
    expect(result.stdout).toContain('  exportService http://127.0.0.1:9  [listed in writeTargets]\n');
  });

  it('says that a read-only run restores the backup into a scratch database only', async () => {
    const result = await clusterDryRun([]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'tt2: restore test into a scratch database on the server of 127.0.0.1/cdtn_admin (created, verified, dropped); 127.0.0.1/cdtn_admin is only read\n',
    );
  });

  it('refuses an export service URL that the config file does not list, and a declared recovery without DRILL_CONFIRM_RESTORE', async () => {
    const result = await clusterDryRun(['--confirm', CONTEXT, '--allow-restore'], {
      DRILL_EXPORT_URL: 'https://stray.example/export',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--confirm: POST /export {"environment":"preproduction"} to the export service (tt4) would write to exportService https://stray.example, which the drill\'s config file (DRILL_CONFIG) does not list under writeTargets.exportService: nothing started',
    );
    expect(result.stderr).toContain(
      '--allow-restore (a declared recovery over the live database) also needs DRILL_CONFIRM_RESTORE=<host>/<database> naming it',
    );
  });

  it('refuses an --allow-* without --confirm, and a --confirm naming another context, with exit 2', async () => {
    const unconfirmed = await clusterDryRun(['--allow-job']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain(
      '--allow-job needs --confirm <context>: without it the run is read-only',
    );
    const otherContext = await clusterDryRun(['--confirm', 'other']);
    expect(otherContext.code).toBe(2);
    expect(otherContext.stderr).toContain(
      `--confirm other does not match the kubeconfig's current context ${CONTEXT}`,
    );
  });

  it('refuses --replace-finished-job without --allow-job, and lists it with it', async () => {
    const alone = await clusterDryRun(['--confirm', CONTEXT, '--replace-finished-job']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain(
      '--replace-finished-job needs --allow-job: it only says what to do with a finished cron-ingester-manual',
    );
    const withJob = await clusterDryRun(['--confirm', CONTEXT, '--allow-job', '--replace-finished-job']);
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
