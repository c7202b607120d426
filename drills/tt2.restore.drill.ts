// tt2 — Restauration du backup: pg_restore of the cdtn-admin backup, upstream's post-restore step,
// then the database is checked against the backup's manifest. Cluster target: restored only with
// DRILL_CONFIRM_RESTORE (and DRILL_ALLOW_CLEAN over data); otherwise the live database is verified.
// Settings: DRILL_BACKUP, DRILL_MANIFEST, DRILL_ALLOW_CLEAN, DRILL_CONFIRM_RESTORE, DRILL_RESTORE_JOBS.
import { beforeAll, expect, it } from 'vitest';
import {
  recordBackupManifest,
  recordMeasure,
  task,
  useEnv,
  useRunOptions,
  warn,
} from '../src/drill/index.ts';
import {
  decideRestore,
  getRecoveryPointSeconds,
  listTables,
  readRestoreConfig,
  resolveBackup,
  restoreIntoDatabase,
  RestoreError,
  verifyDocumentCounts,
  verifyDocumentSamples,
  verifyNoDuplicateDocuments,
  verifyTables,
  type ResolvedBackup,
} from '../src/pg/index.ts';

task('tt2', () => {
  let backup: ResolvedBackup;

  beforeAll(async () => {
    const { descriptor, pg: pool } = useEnv();
    const { target } = useRunOptions();
    const config = readRestoreConfig();
    backup = await resolveBackup(config, target);
    recordBackupManifest(backup.manifestPath);
    const name = `${descriptor.pg.host}/${descriptor.pg.database}`;
    const client = await pool.connect();
    const tableCount = await listTables(client)
      .then((tables) => tables.length)
      .finally(() => client.release());
    const decision = decideRestore(
      { target, host: descriptor.pg.host, database: descriptor.pg.database, tableCount },
      config,
    );
    // RPO: how old the backup's data is when the restore starts (after any fixture build).
    recordMeasure('rpo', getRecoveryPointSeconds(backup.manifest, new Date()), 's');
    if (decision.action === 'verify-only') {
      warn(`tt2: ${decision.reason}`);
      return;
    }
    if (backup.dumpPath === undefined) {
      throw new RestoreError(`restoring into ${name} needs the dump itself: set DRILL_BACKUP (--backup)`);
    }
    const outcome = await restoreIntoDatabase({
      dumpPath: backup.dumpPath,
      manifest: backup.manifest,
      connectionString: descriptor.pg.connectionString,
      pool,
      databaseName: name,
      clean: decision.clean,
      ...(config.jobs ? { jobs: config.jobs } : {}),
      // Ending other sessions, as upstream does, would also end the drill's own pool.
      postRestore: { terminateOtherSessions: false },
    });
    recordMeasure('restoreSeconds', outcome.restoreSeconds, 's');
    recordMeasure('rowsRestored', outcome.rows, 'rows');
    recordMeasure('rowsPerSecond', outcome.rowsPerSecond, 'rows/s');
    recordMeasure('postRestoreSeconds', outcome.postRestoreSeconds, 's');
  });

  it('every table has its manifest row count and checksum (post-restore changes derived)', async () => {
    const client = await useEnv().pg.connect();
    try {
      const verified = await verifyTables(client, backup.manifest, { postRestored: true });
      expect(verified.tables).toBe(backup.manifest.tables.length);
    } finally {
      client.release();
    }
  });

  it('documents per source (all, available, published) equal the manifest', async () => {
    await verifyDocumentCounts(useEnv().pg, backup.manifest);
  });

  it('(source, initial_id) has no duplicates in documents', async () => {
    await verifyNoDuplicateDocuments(useEnv().pg);
  });

  it('the documents recorded in the manifest are there with their slug and source', async () => {
    expect(await verifyDocumentSamples(useEnv().pg, backup.manifest)).toBeGreaterThan(0);
  });
});
