// tt2 — Restauration du backup: pg_restore of the cdtn-admin backup, checked against the backup's
// manifest (taken from the source database when it was dumped). Ephemeral: into the drill's own
// database. Cluster: by default a restore test into a scratch database (or a throwaway server,
// --restore-test throwaway) that the drill creates, verifies and drops, the live database only
// read; a declared recovery (--confirm, --allow-restore, DRILL_CONFIRM_RESTORE) restores over it.
// Upstream's post-restore step follows only on a database declared non-production.
// Settings: DRILL_BACKUP, DRILL_MANIFEST, DRILL_ALLOW_RESTORE, DRILL_CONFIRM_RESTORE,
// DRILL_ENVIRONMENT_KIND, DRILL_RESTORE_TEST, DRILL_RESTORE_JOBS (src/pg/restore-config.ts).
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  actionDone,
  assertionId,
  recordBackupManifest,
  recordMeasure,
  task,
  useEnv,
  useRunOptions,
  warn,
} from '../src/drill/index.ts';
import {
  decideRestore,
  describeRestorePlan,
  expectedRestoredTotals,
  getRecoveryPointSeconds,
  listTables,
  openRestoreTestDatabase,
  readRestoreConfig,
  resolveBackup,
  restoreIntoDatabase,
  RestoreError,
  verifyDocumentCounts,
  verifyDocumentSamples,
  verifyLiveSources,
  verifyLiveTables,
  verifyNoDuplicateDocuments,
  verifyTables,
  type ResolvedBackup,
  type RestoreTestDatabase,
} from '../src/pg/index.ts';

/** The database the backup was restored into, and whether post-restore rewrote it. */
interface Restored {
  name: string;
  pool: pg.Pool;
  postRestored: boolean;
}

task('tt2', () => {
  let backup: ResolvedBackup;
  let restored: Restored;
  let restoreTest: RestoreTestDatabase | undefined;
  const liveName = () => `${useEnv().descriptor.pg.host}/${useEnv().descriptor.pg.database}`;

  beforeAll(async () => {
    const { descriptor, pg: live } = useEnv();
    const { target, runId } = useRunOptions();
    const config = readRestoreConfig();
    backup = await resolveBackup(config, target);
    recordBackupManifest(backup.manifestPath);
    const tableCount = (await listTables(live)).length;
    const plan = decideRestore(
      { target, host: descriptor.pg.host, database: descriptor.pg.database, tableCount },
      config,
    );
    warn(`tt2: ${describeRestorePlan(plan, liveName())}`);
    // RPO: how old the backup's data is when the restore starts (after any fixture build).
    recordMeasure('rpo', getRecoveryPointSeconds(backup.manifest, new Date()), 's');
    if (backup.dumpPath === undefined) {
      throw new RestoreError(
        `a restore needs the dump itself, not only its manifest: set --backup (DRILL_BACKUP)`,
      );
    }
    if (plan.kind === 'restore-test')
      restoreTest = await openRestoreTestDatabase(plan.server, descriptor.pg, runId);
    const into = restoreTest ?? {
      name: liveName(),
      connectionString: descriptor.pg.connectionString,
      pool: live,
    };
    const postRestore = plan.kind !== 'restore-test' && plan.postRestore;
    restored = { name: into.name, pool: into.pool, postRestored: postRestore };
    const outcome = await restoreIntoDatabase({
      dumpPath: backup.dumpPath,
      manifest: backup.manifest,
      connectionString: into.connectionString,
      pool: into.pool,
      databaseName: into.name,
      clean: plan.kind !== 'restore-test' && plan.clean,
      ...(config.jobs ? { jobs: config.jobs } : {}),
      // Ending other sessions, as upstream does, would also end the drill's own pool.
      postRestore: postRestore ? { terminateOtherSessions: false } : false,
    });
    recordMeasure('restoreSeconds', outcome.restoreSeconds, 's');
    recordMeasure('rowsRestored', outcome.rows, 'rows');
    recordMeasure('rowsPerSecond', outcome.rowsPerSecond, 'rows/s');
    if (postRestore) recordMeasure('postRestoreSeconds', outcome.postRestoreSeconds, 's');
    await actionDone();
  });

  afterAll(async () => {
    await restoreTest?.dispose();
  });

  it(
    'the restored database has every table of the manifest with its row count and checksum',
    assertionId('tt2.totals'),
    async () => {
      const client = await restored.pool.connect();
      try {
        const postRestored = { postRestored: restored.postRestored };
        const verified = await verifyTables(client, backup.manifest, postRestored);
        recordMeasure('rowsVerified', verified.rows, 'rows');
        expect(verified, 'tables and rows found, against the manifest').toEqual(
          expectedRestoredTotals(backup.manifest, postRestored),
        );
      } finally {
        client.release();
      }
    },
  );

  it(
    'the restored database has the manifest documents per source (all, available, published)',
    assertionId('tt2.document-counts'),
    async () => {
      await verifyDocumentCounts(restored.pool, backup.manifest);
    },
  );

  it(
    'the restored database has the documents recorded in the manifest, with their slug and source',
    assertionId('tt2.document-samples'),
    async () => {
      expect(await verifyDocumentSamples(restored.pool, backup.manifest)).toBeGreaterThan(0);
    },
  );

  it('the live database has every table of the backup', assertionId('tt2.live-tables'), async () => {
    await verifyLiveTables(useEnv().pg, backup.manifest, liveName());
  });

  it(
    'the live database has available documents of every source the backup publishes',
    assertionId('tt2.live-sources'),
    async () => {
      await verifyLiveSources(useEnv().pg, backup.manifest, liveName());
    },
  );

  it(
    '(source, initial_id) has no duplicates in the live database',
    assertionId('tt2.no-duplicates'),
    async () => {
      await verifyNoDuplicateDocuments(useEnv().pg);
    },
  );
});
