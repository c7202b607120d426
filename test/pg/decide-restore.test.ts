// What tt2 restores into: the drill's own database, a restore test, or a declared recovery; and
// where upstream's post-restore step may run. Pure rules, and the settings' validation.
import { describe, expect, it } from 'vitest';
import { decideRestore, readRestoreConfig, type RestoreConfig } from '../../src/pg/index.ts';

const cluster = { target: 'cluster' as const, host: 'pg.prod', database: 'cdtn-admin', tableCount: 17 };
const defaults: RestoreConfig = { allowRestore: false, restoreTestServer: 'same-server' };

describe('decideRestore', () => {
  it('restores the ephemeral database (a non-production one by default), cleaning it when it holds tables', () => {
    expect(decideRestore({ ...cluster, target: 'ephemeral', tableCount: 0 }, defaults)).toEqual({
      kind: 'drill-database',
      clean: false,
      postRestore: true,
    });
    expect(
      decideRestore(
        { ...cluster, target: 'ephemeral', tableCount: 3 },
        { ...defaults, environmentKind: 'production' },
      ),
    ).toEqual({ kind: 'drill-database', clean: true, postRestore: false });
  });

  it('runs a restore test on a cluster by default, on the server chosen, whatever DRILL_CONFIRM_RESTORE says', () => {
    expect(decideRestore(cluster, defaults)).toEqual({ kind: 'restore-test', server: 'same-server' });
    expect(
      decideRestore(cluster, {
        ...defaults,
        restoreTestServer: 'throwaway',
        confirmRestore: 'pg.prod/cdtn-admin',
      }),
    ).toEqual({ kind: 'restore-test', server: 'throwaway' });
  });

  it('refuses a declared recovery without DRILL_CONFIRM_RESTORE, or naming another database', () => {
    expect(() => decideRestore(cluster, { ...defaults, allowRestore: true })).toThrow(
      'tt2: a declared recovery over pg.prod/cdtn-admin (--allow-restore) also needs DRILL_CONFIRM_RESTORE=pg.prod/cdtn-admin: nothing restored',
    );
    expect(() =>
      decideRestore(cluster, { ...defaults, allowRestore: true, confirmRestore: 'pg.preprod/cdtn-admin' }),
    ).toThrow(
      'tt2: DRILL_CONFIRM_RESTORE names pg.preprod/cdtn-admin, the live database is pg.prod/cdtn-admin: nothing restored',
    );
  });

  it('restores over the live database on a declared recovery, with post-restore only when declared non-production', () => {
    const declared = { ...defaults, allowRestore: true, confirmRestore: 'pg.prod/cdtn-admin' };
    expect(decideRestore(cluster, declared)).toEqual({
      kind: 'declared-recovery',
      clean: true,
      postRestore: false,
    });
    expect(
      decideRestore({ ...cluster, tableCount: 0 }, { ...declared, environmentKind: 'non-production' }),
    ).toEqual({ kind: 'declared-recovery', clean: false, postRestore: true });
  });
});

describe('readRestoreConfig', () => {
  it('reads the DRILL_* variables', () => {
    expect(
      readRestoreConfig({
        DRILL_BACKUP: 'b.dump',
        DRILL_MANIFEST: 'm.json',
        DRILL_ALLOW_RESTORE: '1',
        DRILL_CONFIRM_RESTORE: 'h/db',
        DRILL_ENVIRONMENT_KIND: 'non-production',
        DRILL_RESTORE_TEST: 'throwaway',
        DRILL_RESTORE_JOBS: '4',
      }),
    ).toEqual({
      backupPath: 'b.dump',
      manifestPath: 'm.json',
      allowRestore: true,
      confirmRestore: 'h/db',
      environmentKind: 'non-production',
      restoreTestServer: 'throwaway',
      jobs: 4,
    });
    expect(readRestoreConfig({})).toEqual(defaults);
  });

  it('reports every invalid variable at once', () => {
    expect(() =>
      readRestoreConfig({
        DRILL_ALLOW_RESTORE: 'yes',
        DRILL_CONFIRM_RESTORE: 'cdtn-admin',
        DRILL_ENVIRONMENT_KIND: 'prod',
        DRILL_RESTORE_JOBS: '0',
      }),
    ).toThrow(
      /DRILL_ALLOW_RESTORE[^\n]*received "yes"\n\s+- DRILL_CONFIRM_RESTORE: expected <host>\/<database>, received "cdtn-admin"\n\s+- DRILL_ENVIRONMENT_KIND[^\n]*received "prod"\n\s+- DRILL_RESTORE_JOBS/,
    );
  });
});
