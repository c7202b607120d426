// When the restore task may act: the cluster safety rules, and the settings' validation.
import { describe, expect, it } from 'vitest';
import { decideRestore, readRestoreConfig } from '../../src/pg/index.ts';

const cluster = { target: 'cluster' as const, host: 'pg.prod', database: 'cdtn-admin' };

describe('decideRestore', () => {
  it('restores the ephemeral database, cleaning it when it holds tables', () => {
    expect(decideRestore({ ...cluster, target: 'ephemeral', tableCount: 0 }, { allowClean: false })).toEqual({
      action: 'restore',
      clean: false,
    });
    expect(decideRestore({ ...cluster, target: 'ephemeral', tableCount: 3 }, { allowClean: false })).toEqual({
      action: 'restore',
      clean: true,
    });
  });

  it('only verifies a cluster database when no confirmation names it', () => {
    const decision = decideRestore({ ...cluster, tableCount: 17 }, { allowClean: true });
    expect(decision).toEqual({
      action: 'verify-only',
      reason: expect.stringContaining('DRILL_CONFIRM_RESTORE=pg.prod/cdtn-admin'),
    });
  });

  it('refuses a confirmation that names another database', () => {
    expect(() =>
      decideRestore(
        { ...cluster, tableCount: 0 },
        { allowClean: true, confirmRestore: 'pg.preprod/cdtn-admin' },
      ),
    ).toThrow(
      'tt2: DRILL_CONFIRM_RESTORE names pg.preprod/cdtn-admin, the target database is pg.prod/cdtn-admin: nothing restored',
    );
  });

  it('refuses restoring over a cluster database holding data without DRILL_ALLOW_CLEAN', () => {
    expect(() =>
      decideRestore(
        { ...cluster, tableCount: 17 },
        { allowClean: false, confirmRestore: 'pg.prod/cdtn-admin' },
      ),
    ).toThrow(
      'tt2: database pg.prod/cdtn-admin already holds 17 tables: restoring over it needs DRILL_ALLOW_CLEAN=1',
    );
    expect(
      decideRestore(
        { ...cluster, tableCount: 17 },
        { allowClean: true, confirmRestore: 'pg.prod/cdtn-admin' },
      ),
    ).toEqual({
      action: 'restore',
      clean: true,
    });
    expect(
      decideRestore(
        { ...cluster, tableCount: 0 },
        { allowClean: false, confirmRestore: 'pg.prod/cdtn-admin' },
      ),
    ).toEqual({
      action: 'restore',
      clean: false,
    });
  });
});

describe('readRestoreConfig', () => {
  it('reads the DRILL_* variables', () => {
    expect(
      readRestoreConfig({
        DRILL_BACKUP: 'b.dump',
        DRILL_MANIFEST: 'm.json',
        DRILL_ALLOW_CLEAN: '1',
        DRILL_CONFIRM_RESTORE: 'h/db',
        DRILL_RESTORE_JOBS: '4',
      }),
    ).toEqual({
      backupPath: 'b.dump',
      manifestPath: 'm.json',
      allowClean: true,
      confirmRestore: 'h/db',
      jobs: 4,
    });
    expect(readRestoreConfig({})).toEqual({ allowClean: false });
  });

  it('reports every invalid variable at once', () => {
    expect(() =>
      readRestoreConfig({
        DRILL_ALLOW_CLEAN: 'yes',
        DRILL_CONFIRM_RESTORE: 'cdtn-admin',
        DRILL_RESTORE_JOBS: '0',
      }),
    ).toThrow(
      /DRILL_ALLOW_CLEAN[^\n]*found "yes"\n\s+DRILL_CONFIRM_RESTORE: expected <host>\/<database>, found "cdtn-admin"\n\s+DRILL_RESTORE_JOBS/,
    );
  });
});
