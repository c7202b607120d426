// The cluster's restore test on a real PostgreSQL playing the live server: the backup goes into a
// scratch database that is dropped afterwards, also when the restore fails; the live database is
// only read; a production restore leaves every user as the backup has them.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropScratchDatabase,
  openRestoreTestDatabase,
  restoreIntoDatabase,
  scratchDatabaseName,
  verifyLiveSources,
  verifyLiveTables,
  verifyNoDuplicateDocuments,
  verifyTables,
  withClient,
} from '../../src/pg/index.ts';
import type { PgEndpoint } from '../../src/env/index.ts';
import {
  startPgTestServer,
  writeTruncatedDump,
  type PgTestServer,
  type TestDatabase,
} from './pg-test-server.ts';

let t: PgTestServer;
let live: TestDatabase;
let endpoint: PgEndpoint;

const databases = () =>
  withClient(t.server.connectionString, async (client) =>
    (await client.query<{ datname: string }>('SELECT datname FROM pg_database ORDER BY 1')).rows.map(
      (row) => row.datname,
    ),
  );

beforeAll(async () => {
  t = await startPgTestServer();
  live = await t.createDatabase();
  await live.pool.query('CREATE TABLE live_marker (id int PRIMARY KEY); INSERT INTO live_marker VALUES (1)');
  const url = new URL(live.connectionString);
  endpoint = {
    host: url.hostname,
    port: Number(url.port),
    database: live.name,
    user: decodeURIComponent(url.username),
    password: '',
    connectionString: live.connectionString,
  };
});
afterAll(() => t?.close());

/** The backup into `target`, as a production recovery does it: no post-restore step. */
function restoreAsProduction(
  target: { connectionString: string; pool: pg.Pool; name: string },
  dumpPath = t.fixture.dumpPath,
) {
  return restoreIntoDatabase({
    dumpPath,
    manifest: t.fixture.manifest,
    connectionString: target.connectionString,
    pool: target.pool,
    databaseName: target.name,
    clean: false,
    postRestore: false,
  });
}

describe('the restore test of a cluster run', () => {
  it('names its scratch database after the run, as PostgreSQL keeps it', () => {
    expect(scratchDatabaseName('2026-11-30T15-03-36Z-3fa1')).toBe(
      'cdtn_admin_drill_2026_11_30t15_03_36z_3fa1',
    );
    expect(scratchDatabaseName('x'.repeat(80))).toHaveLength(63);
  });

  it('restores the backup into a scratch database, exactly as the manifest says, then drops it', async () => {
    const runId = 'restore-test-ok';
    const scratch = await openRestoreTestDatabase('same-server', endpoint, runId);
    expect(await databases()).toContain(scratchDatabaseName(runId));
    try {
      await restoreAsProduction(scratch);
      const client = await scratch.pool.connect();
      try {
        const verified = await verifyTables(client, t.fixture.manifest, { postRestored: false });
        expect(verified.rows).toBe(t.fixture.manifest.tables.reduce((sum, table) => sum + table.rowCount, 0));
      } finally {
        client.release();
      }
    } finally {
      await scratch.dispose();
    }
    expect(await databases()).not.toContain(scratchDatabaseName(runId));
    expect((await live.pool.query('SELECT count(*)::int AS n FROM live_marker')).rows).toEqual([{ n: 1 }]);
    const tables = await live.pool.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'auth'",
    );
    expect(tables.rows).toEqual([{ n: 0 }]);
  });

  it('leaves every user of the backup unchanged: no post-restore on production', async () => {
    const scratch = await openRestoreTestDatabase('same-server', endpoint, 'restore-test-users');
    try {
      await restoreAsProduction(scratch);
      const { rows } = await scratch.pool.query<{ anonymised: number; total: number }>(
        "SELECT count(*) FILTER (WHERE email::text = id || '@travail.gouv.fr')::int AS anonymised, count(*)::int AS total FROM auth.users",
      );
      expect(rows[0]?.total).toBe(t.fixture.manifest.users.withoutDrillAdmin.rowCount);
      expect(rows[0]?.anonymised).toBe(0);
      const client = await scratch.pool.connect();
      // the users table, checksum included, is the backup's
      await verifyTables(client, t.fixture.manifest, { postRestored: false }).finally(() => client.release());
    } finally {
      await scratch.dispose();
    }
  });

  it('is dropped after a failed restore, and by the CLI when the drill died before dropping it', async () => {
    const runId = 'restore-test-failed';
    const truncated = `${t.dir}/truncated.dump`;
    await writeTruncatedDump(t.fixture.dumpPath, truncated, 0.5);
    const scratch = await openRestoreTestDatabase('same-server', endpoint, runId);
    await expect(restoreAsProduction(scratch, truncated)).rejects.toThrow(/^tt2: /);
    await scratch.dispose();
    expect(await databases()).not.toContain(scratchDatabaseName(runId));

    // A drill killed after creating it: the database is there, and the CLI's safety net drops it.
    const orphan = await openRestoreTestDatabase('same-server', endpoint, runId);
    await orphan.pool.end();
    expect(await dropScratchDatabase(endpoint, runId)).toBe(true);
    expect(await databases()).not.toContain(scratchDatabaseName(runId));
    expect(await dropScratchDatabase(endpoint, runId)).toBe(false);
  });

  it('says what to do when the drill user may not create a database', async () => {
    await live.pool.query('CREATE ROLE drill_reader LOGIN NOCREATEDB');
    const reader = { ...endpoint, user: 'drill_reader' };
    const url = new URL(endpoint.connectionString);
    url.username = 'drill_reader';
    await expect(
      openRestoreTestDatabase('same-server', { ...reader, connectionString: url.toString() }, 'no-createdb'),
    ).rejects.toThrow(
      /^tt2: the restore test cannot create its scratch database 127\.0\.0\.1\/cdtn_admin_drill_no_createdb: permission denied to create database; grant CREATEDB to the drill user, or restore into a throwaway server \(--restore-test throwaway\)$/,
    );
  });

  it('restores into a throwaway server instead, stopped afterwards', async () => {
    const scratch = await openRestoreTestDatabase('throwaway', endpoint, 'restore-test-throwaway');
    const port = Number(new URL(scratch.connectionString).port);
    expect(port).not.toBe(endpoint.port);
    await scratch.dispose();
    await expect(new pg.Client({ connectionString: scratch.connectionString }).connect()).rejects.toThrow(
      /ECONNREFUSED/,
    );
    expect(await databases()).not.toContain(scratchDatabaseName('restore-test-throwaway'));
  });
});

describe('the read-only checks of a live database', () => {
  it('pass on a healthy database that moved on since the backup, and fail naming a missing table or an emptied source', async () => {
    const healthy = await t.createDatabase();
    await restoreAsProduction(healthy);
    // A night of production since the backup: documents added and withdrawn, exact counts moved.
    await healthy.pool.query(
      "UPDATE documents SET is_available = false WHERE cdtn_id IN (SELECT cdtn_id FROM documents WHERE source = 'code_du_travail' LIMIT 3)",
    );
    const manifest = t.fixture.manifest;
    expect(await verifyLiveTables(healthy.pool, manifest, healthy.name)).toBe(manifest.tables.length);
    expect(await verifyLiveSources(healthy.pool, manifest, healthy.name)).toContain('code_du_travail');
    await verifyNoDuplicateDocuments(healthy.pool);

    await healthy.pool.query('DROP TABLE public.glossary');
    await expect(verifyLiveTables(healthy.pool, manifest, healthy.name)).rejects.toThrow(
      `tt2: the live database ${healthy.name} has no table glossary, which the backup holds`,
    );
    await healthy.pool.query("UPDATE documents SET is_available = false WHERE source = 'code_du_travail'");
    await expect(verifyLiveSources(healthy.pool, manifest, healthy.name)).rejects.toThrow(
      new RegExp(
        `^tt2: the live database ${healthy.name} has no available document of source code_du_travail, the backup has \\d+$`,
      ),
    );
  });
});
