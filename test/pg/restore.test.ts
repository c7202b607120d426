// The restore path end to end on the generated fixture: pg_restore, post-restore, every check passes;
// then each way the restored database can differ from its manifest is caught and named.
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCdtnIdGenerator } from '../../src/ingest/index.ts';
import {
  createManifest,
  getPgEnv,
  DRILL_ADMIN,
  formatCount,
  restoreIntoDatabase,
  verifyDocumentCounts,
  verifyDocumentSamples,
  verifyNoDuplicateDocuments,
  verifyTables,
  type BackupManifest,
  type RestoreOutcome,
} from '../../src/pg/index.ts';
import { startPgTestServer, type PgTestServer, type TestDatabase } from './pg-test-server.ts';

let t: PgTestServer;
let manifest: BackupManifest;

beforeAll(async () => {
  t = await startPgTestServer();
  manifest = t.fixture.manifest;
});
afterAll(() => t?.close());

async function restoredDatabase(): Promise<TestDatabase & { outcome: RestoreOutcome }> {
  const db = await t.createDatabase();
  const outcome = await restoreIntoDatabase({
    dumpPath: t.fixture.dumpPath,
    manifest,
    connectionString: db.connectionString,
    pool: db.pool,
    databaseName: db.name,
    clean: false,
    postRestore: {},
  });
  return { ...db, outcome };
}

/** Alters the restored data as a faulty restore would, without the audit trigger noticing. */
async function tamper(pool: import('pg').Pool, ...statements: Array<[string, unknown[]?]>) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    for (const [sql, params] of statements) await client.query(sql, params);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

function tableOf(name: string) {
  const table = manifest.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`the fixture's manifest has no ${name}`);
  return table;
}

async function verify(pool: import('pg').Pool) {
  const client = await pool.connect();
  try {
    return await verifyTables(client, manifest, { postRestored: true });
  } finally {
    client.release();
  }
}

describe('a restored fixture', () => {
  let db: TestDatabase & { outcome: RestoreOutcome };
  beforeAll(async () => {
    db = await restoredDatabase();
  });

  it('has every manifest table with its row count and checksum, post-restore changes derived', async () => {
    const verified = await verify(db.pool);
    expect(verified.tables).toBe(manifest.tables.length);
    const expectedRows =
      manifest.tables.reduce((sum, table) => sum + table.rowCount, 0) -
      tableOf('audit.logged_actions').rowCount +
      1; // audit truncated, drill admin added
    expect(verified.rows).toBe(expectedRows);
    expect(db.outcome.rows).toBe(manifest.tables.reduce((sum, table) => sum + table.rowCount, 0));
  });

  it('passes the document checks: counts per source, no duplicates, the recorded samples', async () => {
    await verifyDocumentCounts(db.pool, manifest);
    await verifyNoDuplicateDocuments(db.pool);
    expect(await verifyDocumentSamples(db.pool, manifest)).toBe(manifest.documents.samples.length);
  });

  it('holds articles L1 and L2312-1 under their known cdtn_ids, since the fixture has the code du travail', async () => {
    const slugs = manifest.documents.samples
      .filter((s) => ['517701f79f', 'e08224ce8a'].includes(s.cdtn_id))
      .map((s) => s.slug);
    expect(slugs.sort()).toEqual(['l1', 'l2312-1']);
  });

  it('publishes a conventions_collectives document per KALI agreement, as the admin maps it', async () => {
    const { rows: agreements } = await db.pool.query<{
      id: string;
      name: string;
      short_name: string;
      worker_number: number | null;
      legifrance_url: string | null;
    }>(
      'SELECT id, name, short_name, worker_number, legifrance_url FROM agreement.agreements WHERE kali_id IS NOT NULL ORDER BY id',
    );
    const { rows: documents } = await db.pool.query<{
      cdtn_id: string;
      initial_id: string;
      title: string;
      slug: string;
      flags: boolean;
      document: Record<string, unknown>;
    }>(
      `SELECT cdtn_id, initial_id, title, slug, is_published AND is_available AND is_searchable AS flags, document
         FROM documents WHERE source = 'conventions_collectives' ORDER BY initial_id`,
    );
    expect(agreements.length).toBeGreaterThan(0);
    const cdtnId = await createCdtnIdGenerator();
    expect(documents).toEqual(
      agreements.map((agreement) => ({
        cdtn_id: cdtnId('conventions_collectives', agreement.id),
        initial_id: agreement.id,
        title: agreement.name,
        slug: expect.stringMatching(new RegExp(`^${agreement.id}-[a-z0-9-]+$`)),
        flags: true,
        document: expect.objectContaining({
          num: Number(agreement.id),
          shortTitle: agreement.short_name,
          ...(agreement.worker_number === null ? {} : { effectif: agreement.worker_number }),
          ...(agreement.legifrance_url === null ? {} : { url: agreement.legifrance_url }),
        }),
      })),
    );
  });

  it('has the drill admin and only anonymised users', async () => {
    const { rows } = await db.pool.query<{ role: string }>('SELECT role FROM auth.users WHERE id = $1', [
      DRILL_ADMIN.id,
    ]);
    expect(rows).toEqual([{ role: 'super' }]);
    const { rows: others } = await db.pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM auth.users WHERE id <> $1 AND email::text <> id || '@travail.gouv.fr'",
      [DRILL_ADMIN.id],
    );
    expect(Number(others[0]?.n)).toBe(0);
  });
});

describe('a restored database that differs from its manifest', () => {
  let template: string;
  beforeAll(async () => {
    const db = await restoredDatabase();
    await db.pool.end(); // a template database takes no sessions
    template = db.name;
  });
  const restoredCopy = () => t.createDatabase(template);

  it('names a missing table and the rows the manifest expected', async () => {
    const db = await restoredCopy();
    await tamper(db.pool, ['DROP TABLE public.glossary']);
    const rows = formatCount(tableOf('public.glossary').rowCount);
    await expect(verify(db.pool)).rejects.toThrow(
      `tt2: table glossary is missing, the manifest lists it with ${rows} rows`,
    );
  });

  it('names a table whose row count differs, with both counts', async () => {
    const db = await restoredCopy();
    await tamper(db.pool, [
      "DELETE FROM public.documents WHERE cdtn_id = (SELECT max(cdtn_id) FROM public.documents WHERE source = 'code_du_travail')",
    ]);
    const expected = tableOf('public.documents').rowCount;
    await expect(verify(db.pool)).rejects.toThrow(
      `tt2: table documents has ${formatCount(expected - 1)} rows, the manifest says ${formatCount(expected)}`,
    );
    await expect(verifyDocumentCounts(db.pool, manifest)).rejects.toThrow(
      /rows of source code_du_travail, the manifest says/,
    );
  });

  it('names a table whose contents changed with an unchanged row count (checksum)', async () => {
    const db = await restoredCopy();
    await tamper(db.pool, [
      "UPDATE public.sources SET tag = tag || '-edited' WHERE repository = (SELECT min(repository) FROM public.sources)",
    ]);
    await expect(verify(db.pool)).rejects.toThrow(`tt2: table sources has checksum`);
    await expect(verify(db.pool)).rejects.toThrow(`the manifest says ${tableOf('public.sources').checksum}`);
  });

  it('finds a user the post-restore step did not anonymise, and a missing drill admin', async () => {
    const db = await restoredCopy();
    await tamper(
      db.pool,
      [
        "UPDATE auth.users SET email = 'someone@example.org' WHERE id = (SELECT id FROM auth.users WHERE id <> $1 ORDER BY id LIMIT 1)",
        [DRILL_ADMIN.id],
      ],
      ['DELETE FROM auth.users WHERE id = $1', [DRILL_ADMIN.id]],
    );
    const failure = verify(db.pool);
    await expect(failure).rejects.toThrow(
      /auth\.users has 1 users whose email is not <id>@travail\.gouv\.fr/,
    );
    await expect(verify(db.pool)).rejects.toThrow(
      /no active user 8babda41-6001-4665-96f5-c430fddb0c53 with role super/,
    );
  });

  it('finds audit rows left after the post-restore truncation', async () => {
    const db = await restoredCopy();
    // Here the audit trigger is meant to fire.
    await db.pool.query(
      "UPDATE public.glossary SET definition = definition || ' ' WHERE slug = (SELECT min(slug) FROM public.glossary)",
    );
    await expect(verify(db.pool)).rejects.toThrow(
      /table audit\.logged_actions has 1 rows, after the post-restore truncation expected 0/,
    );
  });

  it('finds a duplicate (source, initial_id), which upstream no longer forbids', async () => {
    const db = await restoredCopy();
    const [sample] = manifest.documents.samples;
    await tamper(db.pool, [
      `INSERT INTO public.documents (cdtn_id, initial_id, title, meta_description, source, slug, text, document)
       SELECT 'ffffffffff', initial_id, title, meta_description, source, slug || '-copy', text, document FROM public.documents WHERE cdtn_id = $1`,
      [sample?.cdtn_id],
    ]);
    await expect(verifyNoDuplicateDocuments(db.pool)).rejects.toThrow(
      `tt2: table documents has 2 rows for (source, initial_id) = (${sample?.source}, ${sample?.initial_id}), expected 1`,
    );
  });

  it('names a recorded document that is gone', async () => {
    const db = await restoredCopy();
    const sample = manifest.documents.samples.find((s) => s.source === 'code_du_travail');
    await tamper(db.pool, ['DELETE FROM public.documents WHERE cdtn_id = $1', [sample?.cdtn_id]]);
    await expect(verifyDocumentSamples(db.pool, manifest)).rejects.toThrow(
      `tt2: table documents has no document ${sample?.cdtn_id}, the manifest expects code_du_travail/${sample?.slug}`,
    );
  });
});

describe('a dump taken after a post-restore (as from preproduction)', () => {
  it('records the drill admin in its manifest, and restores and verifies again', async () => {
    const source = await restoredDatabase();
    const dumpPath = join(t.dir, 'preprod.dump');
    await execa('pg_dump', ['-Fc', `--file=${dumpPath}`], {
      env: { ...getPgEnv(source.connectionString), TZ: 'UTC' },
    });
    const { manifest: preprod } = await createManifest(dumpPath);
    expect(preprod.users.drillAdminPresent).toBe(true);
    expect(preprod.tables.find((table) => table.name === 'audit.logged_actions')?.rowCount).toBe(0);

    const target = await t.createDatabase();
    await restoreIntoDatabase({
      dumpPath,
      manifest: preprod,
      connectionString: target.connectionString,
      pool: target.pool,
      databaseName: target.name,
      clean: false,
      postRestore: {},
    });
    const client = await target.pool.connect();
    try {
      const verified = await verifyTables(client, preprod, { postRestored: true });
      expect(verified.rows).toBe(preprod.tables.reduce((sum, table) => sum + table.rowCount, 0));
    } finally {
      client.release();
    }
  });
});
