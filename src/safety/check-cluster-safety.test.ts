import { describe, expect, it } from 'vitest';
import {
  checkClusterSafety,
  ensureActionIsAllowed,
  formatPlannedActions,
  type ClusterSafety,
} from './check-cluster-safety.ts';
import type { WriteBinding } from './write-targets.ts';

const kubeconfig = { currentContext: 'ovh-preprod', contexts: ['ovh-preprod', 'ovh-prod'] };
/** Every endpoint of the run listed in the config file's writeTargets. */
const covered: WriteBinding = {
  endpoints: {
    kube: 'ovh-preprod/cdtn-admin',
    postgres: 'pg.example:5432/cdtn-admin',
    search: 'https://es.example:9200',
    exportService: 'https://export.example',
  },
  allowList: {
    kube: ['ovh-preprod/cdtn-admin'],
    postgres: ['pg.example:5432/cdtn-admin'],
    search: ['https://es.example:9200/'],
    exportService: ['https://export.example'],
  },
};

function allowedOf(safety: ClusterSafety) {
  if (!safety.ok) throw new Error(`expected ok, got: ${safety.problems.join('; ')}`);
  return safety;
}

describe('checkClusterSafety', () => {
  it('is read-only without --confirm, whatever confirmations the shell holds', () => {
    const shell = {
      DRILL_CONFIRM_RESTORE: 'pg.example/cdtn-admin',
      DRILL_ALLOW_RESTORE: '1',
      DRILL_CONFIRM_EXPORT: 'production',
      DRILL_ALLOW_JOB: '1',
      DRILL_REPLACE_FINISHED_JOB: '1',
    };
    const safety = allowedOf(checkClusterSafety({}, kubeconfig, shell));
    expect(safety).toMatchObject({ mode: 'read-only', allowed: [], takeLease: false });
    expect(
      safety.actions.every((action) => !action.willRun && action.why === 'read-only: no --confirm'),
    ).toBe(true);
    expect(Object.values(safety.env).every((value) => value === undefined)).toBe(true);
    expect(Object.keys(safety.env).sort()).toEqual([
      'DRILL_ALLOW_JOB',
      'DRILL_ALLOW_RESTORE',
      'DRILL_CONFIRM_EXPORT',
      'DRILL_CONFIRM_INDEX_PROBE',
      'DRILL_CONFIRM_RESTORE',
      'DRILL_REPLACE_FINISHED_JOB',
    ]);
  });

  it('refuses a --confirm that is not the current context, naming both', () => {
    expect(checkClusterSafety({ confirm: 'ovh-prod', allowJob: true }, kubeconfig, {}, covered)).toEqual({
      ok: false,
      problems: [
        "--confirm ovh-prod does not match the kubeconfig's current context ovh-preprod (ovh-prod exists: switch with `kubectl config use-context ovh-prod`)",
      ],
    });
    expect(checkClusterSafety({ confirm: 'elsewhere' }, kubeconfig, {}, covered)).toEqual({
      ok: false,
      problems: ["--confirm elsewhere does not match the kubeconfig's current context ovh-preprod"],
    });
  });

  it('reports every problem at once', () => {
    const safety = checkClusterSafety(
      { allowRestore: true, allowExportProd: true, allowJob: true },
      { currentContext: undefined, contexts: [] },
    );
    expect(safety.ok).toBe(false);
    expect(!safety.ok && safety.problems).toEqual([
      'the kubeconfig has no current context: set one with `kubectl config use-context <name>`',
      '--allow-restore needs --confirm <context>: without it the run is read-only',
      '--allow-export-prod needs --confirm <context>: without it the run is read-only',
      '--allow-job needs --confirm <context>: without it the run is read-only',
    ]);
  });

  it('with --confirm alone allows the Lease and the preproduction export, no destructive step', () => {
    const safety = allowedOf(
      checkClusterSafety(
        { confirm: 'ovh-preprod' },
        kubeconfig,
        { DRILL_CONFIRM_RESTORE: 'pg.example/cdtn-admin' },
        covered,
      ),
    );
    expect(safety).toMatchObject({
      mode: 'confirmed',
      allowed: ['lease', 'export-preprod'],
      takeLease: true,
    });
    expect(safety.env).toEqual({
      DRILL_ALLOW_RESTORE: undefined,
      DRILL_CONFIRM_RESTORE: undefined,
      DRILL_CONFIRM_EXPORT: 'preproduction',
      DRILL_CONFIRM_INDEX_PROBE: undefined,
      DRILL_ALLOW_JOB: undefined,
      DRILL_REPLACE_FINISHED_JOB: undefined,
    });
    expect(() => ensureActionIsAllowed(safety, 'create-job')).toThrow(
      'safety: refusing to create Job cron-ingester-manual from CronJob cron-ingester (tt3): not allowed: no --allow-job',
    );
  });

  it('each flag allows its own step only', () => {
    const safety = allowedOf(
      checkClusterSafety(
        { confirm: 'ovh-preprod', allowJob: true, allowExportProd: true },
        kubeconfig,
        {},
        covered,
      ),
    );
    expect(safety.allowed).toEqual(['lease', 'export-preprod', 'export-prod', 'create-job']);
    expect(safety.env).toMatchObject({
      DRILL_ALLOW_RESTORE: undefined,
      DRILL_CONFIRM_EXPORT: 'preproduction,production',
      DRILL_ALLOW_JOB: '1',
      DRILL_REPLACE_FINISHED_JOB: undefined,
    });
    expect(() => ensureActionIsAllowed(safety, 'create-job')).not.toThrow();
    expect(() => ensureActionIsAllowed(safety, 'restore')).toThrow('not allowed: no --allow-restore');
  });

  it('--dry-run lists what would run and lets nothing write', () => {
    const safety = allowedOf(
      checkClusterSafety(
        { confirm: 'ovh-preprod', allowRestore: true, dryRun: true },
        kubeconfig,
        { DRILL_CONFIRM_RESTORE: 'pg.example/cdtn-admin' },
        covered,
      ),
    );
    expect(safety).toMatchObject({
      mode: 'dry-run',
      allowed: ['lease', 'export-preprod', 'restore'],
      takeLease: false,
    });
    expect(Object.values(safety.env).every((value) => value === undefined)).toBe(true);
    expect(formatPlannedActions(safety.actions).split('\n')).toEqual([
      'skipped    hold Lease cdtn-recovery-drill for the run  [--confirm: allowed, but --dry-run]',
      'skipped    POST /export {"environment":"preproduction"} to the export service (tt4)  [--confirm: allowed, but --dry-run]',
      'skipped    declared recovery: pg_restore the backup over the live database (tt2)  [--allow-restore: allowed, but --dry-run]',
      'skipped    POST /export {"environment":"production"} to the export service (tt5)  [--allow-export-prod: not allowed: no --allow-export-prod]',
      'skipped    create Job cron-ingester-manual from CronJob cron-ingester (tt3)  [--allow-job: not allowed: no --allow-job]',
      'skipped    delete a finished Job cron-ingester-manual before creating the new one (tt3)  [--replace-finished-job: not allowed: no --replace-finished-job]',
    ]);
    expect(() => ensureActionIsAllowed(safety, 'restore')).toThrow('allowed, but --dry-run');
  });

  it('refuses a declared recovery without DRILL_CONFIRM_RESTORE, before anything starts', () => {
    const safety = checkClusterSafety(
      { confirm: 'ovh-preprod', allowRestore: true },
      kubeconfig,
      {},
      covered,
    );
    expect(!safety.ok && safety.problems).toEqual([
      '--allow-restore (a declared recovery over the live database) also needs DRILL_CONFIRM_RESTORE=<host>/<database> naming it',
    ]);
  });

  it('refuses every step whose endpoint the config file does not list, naming the endpoint', () => {
    const redirected: WriteBinding = {
      ...covered,
      endpoints: { ...covered.endpoints, exportService: 'https://elsewhere.example/export' },
    };
    const safety = checkClusterSafety(
      { confirm: 'ovh-preprod', allowExportProd: true },
      kubeconfig,
      {},
      redirected,
    );
    expect(!safety.ok && safety.problems).toEqual([
      `--confirm: POST /export {"environment":"preproduction"} to the export service (tt4) would write to exportService https://elsewhere.example, which the drill's config file (DRILL_CONFIG) does not list under writeTargets.exportService: nothing started`,
      `--allow-export-prod: POST /export {"environment":"production"} to the export service (tt5) would write to exportService https://elsewhere.example, which the drill's config file (DRILL_CONFIG) does not list under writeTargets.exportService: nothing started`,
    ]);
  });

  it('refuses a confirmed run whose endpoints are not configured at all', () => {
    const safety = checkClusterSafety({ confirm: 'ovh-preprod' }, kubeconfig);
    expect(!safety.ok && safety.problems).toEqual([
      '--confirm: hold Lease cdtn-recovery-drill for the run writes to kube, whose endpoint is not configured (the kubeconfig context and DRILL_ADMIN_NAMESPACE)',
      '--confirm: POST /export {"environment":"preproduction"} to the export service (tt4) writes to exportService, whose endpoint is not configured (DRILL_EXPORT_URL)',
      '--confirm: POST /export {"environment":"preproduction"} to the export service (tt4) writes to search, whose endpoint is not configured (ELASTICSEARCH_URL)',
    ]);
  });

  it('--replace-finished-job needs --confirm and --allow-job, and only then lets tt3 replace the finished job', () => {
    expect(checkClusterSafety({ replaceFinishedJob: true }, kubeconfig)).toEqual({
      ok: false,
      problems: [
        '--replace-finished-job needs --confirm <context>: without it the run is read-only',
        '--replace-finished-job needs --allow-job: it only says what to do with a finished cron-ingester-manual when the job is created',
      ],
    });
    const replacing = allowedOf(
      checkClusterSafety(
        { confirm: 'ovh-preprod', allowJob: true, replaceFinishedJob: true },
        kubeconfig,
        {},
        covered,
      ),
    );
    expect(replacing.allowed).toEqual(['lease', 'export-preprod', 'create-job', 'replace-finished-job']);
    expect(replacing.env).toMatchObject({ DRILL_ALLOW_JOB: '1', DRILL_REPLACE_FINISHED_JOB: '1' });
    const dryRun = allowedOf(
      checkClusterSafety(
        { confirm: 'ovh-preprod', allowJob: true, replaceFinishedJob: true, dryRun: true },
        kubeconfig,
        {},
        covered,
      ),
    );
    expect(dryRun.env.DRILL_REPLACE_FINISHED_JOB).toBeUndefined();
  });
});
