// Checks a database against a backup manifest. Each check gathers every problem it finds and
// throws one RestoreError listing them; it returns what it measured when all is well.
import pg from 'pg';
import { findDuplicateDocuments } from '../ingest/ingest-facts.ts';
import type { BackupManifest, TableManifest } from './backup-manifest.ts';
import { ANONYMISED_EMAIL_DOMAIN, DRILL_ADMIN } from './post-restore.ts';
import { getDocumentCountsBySource } from './read-document-facts.ts';
import {
  checksumMismatch,
  displayTable,
  formatCount,
  RestoreError,
  rowCountMismatch,
  throwIfAny,
} from './restore-error.ts';
import { CHECKSUM_SESSION_SQL, getTableStats, listTables } from './table-checksums.ts';

/** What the database held: the manifest's tables found in it, and their rows. */
export interface TablesVerified {
  tables: number;
  rows: number;
}

/**
 * Every manifest table exists with its row count and checksum. After the post-restore step, the
 * tables it changes are checked against what it must have done (derived from the manifest).
 */
export async function verifyTables(
  client: pg.ClientBase,
  manifest: BackupManifest,
  options: { postRestored: boolean },
): Promise<TablesVerified> {
  await client.query(CHECKSUM_SESSION_SQL);
  const present = new Set((await listTables(client)).map((table) => table.name));
  const problems: RestoreError[] = [];
  let rows = 0;
  let tables = 0;
  for (const table of manifest.tables) {
    if (!present.has(table.name)) {
      problems.push(
        new RestoreError(
          `table ${displayTable(table.name)} is missing, the manifest lists it with ${formatCount(table.rowCount)} rows`,
        ),
      );
      continue;
    }
    tables += 1;
    const derived = options.postRestored ? await checkPostRestoredTable(client, manifest, table) : undefined;
    if (derived) {
      problems.push(...derived.problems);
      rows += derived.rows;
      continue;
    }
    const stats = await getTableStats(client, table);
    rows += stats.rowCount;
    if (stats.rowCount !== table.rowCount)
      problems.push(rowCountMismatch(table.name, stats.rowCount, table.rowCount));
    else if (stats.checksum !== table.checksum)
      problems.push(checksumMismatch(table.name, stats.checksum, table.checksum));
  }
  throwIfAny(problems);
  return { tables, rows };
}

interface DerivedCheck {
  rows: number;
  problems: RestoreError[];
}

/** The expected state of the tables post-restore.sql rewrites; undefined for the others. */
async function checkPostRestoredTable(
  client: pg.ClientBase,
  manifest: BackupManifest,
  table: TableManifest,
): Promise<DerivedCheck | undefined> {
  if (table.name === 'audit.logged_actions') {
    const stats = await getTableStats(client, table);
    const problems =
      stats.rowCount === 0
        ? []
        : [rowCountMismatch(table.name, stats.rowCount, 0, 'after the post-restore truncation expected')];
    return { rows: stats.rowCount, problems };
  }
  if (table.name === 'contribution.answer_comments') {
    // Comments are blanked: the same rows, other contents.
    const stats = await getTableStats(client, table);
    const problems = [];
    if (stats.rowCount !== table.rowCount)
      problems.push(rowCountMismatch(table.name, stats.rowCount, table.rowCount));
    else if (stats.keyChecksum !== table.keyChecksum)
      problems.push(checksumMismatch(table.name, stats.keyChecksum, table.keyChecksum));
    return { rows: stats.rowCount, problems };
  }
  if (table.name === 'auth.users') return checkUsers(client, manifest, table);
  return undefined;
}

async function checkUsers(
  client: pg.ClientBase,
  manifest: BackupManifest,
  table: TableManifest,
): Promise<DerivedCheck> {
  const expected = manifest.users.withoutDrillAdmin;
  const others = await getTableStats(client, table, `t.id <> ${pg.escapeLiteral(DRILL_ADMIN.id)}`);
  const problems: RestoreError[] = [];
  if (others.rowCount !== expected.rowCount) {
    problems.push(
      rowCountMismatch(
        table.name,
        others.rowCount,
        expected.rowCount,
        'besides the drill admin; the manifest says',
      ),
    );
  } else if (others.keyChecksum !== expected.keyChecksum) {
    problems.push(checksumMismatch(table.name, others.keyChecksum, expected.keyChecksum));
  }
  const { rows } = await client.query<{ admins: string; not_anonymised: string }>(
    `SELECT count(*) FILTER (WHERE id = $1 AND role = $2 AND is_active) AS admins,
            count(*) FILTER (WHERE id <> $1 AND email::text <> id || $3) AS not_anonymised
       FROM auth.users`,
    [DRILL_ADMIN.id, DRILL_ADMIN.role, `@${ANONYMISED_EMAIL_DOMAIN}`],
  );
  if (Number(rows[0]?.admins) !== 1) {
    problems.push(
      new RestoreError(
        `table auth.users has no active user ${DRILL_ADMIN.id} with role ${DRILL_ADMIN.role} (the drill admin post-restore inserts)`,
      ),
    );
  }
  const notAnonymised = Number(rows[0]?.not_anonymised);
  if (notAnonymised > 0) {
    problems.push(
      new RestoreError(
        `table auth.users has ${formatCount(notAnonymised)} users whose email is not <id>@${ANONYMISED_EMAIL_DOMAIN} after post-restore`,
      ),
    );
  }
  return { rows: others.rowCount + 1, problems };
}

/** Documents per source (all / available / published) equal the manifest's. */
export async function verifyDocumentCounts(
  client: pg.Pool | pg.ClientBase,
  manifest: BackupManifest,
): Promise<void> {
  const found = await getDocumentCountsBySource(client);
  const sources = new Set([...Object.keys(found), ...Object.keys(manifest.documents.bySource)]);
  const problems: RestoreError[] = [];
  for (const source of [...sources].sort()) {
    const zero = { all: 0, available: 0, published: 0 };
    const has = found[source] ?? zero;
    const expected = manifest.documents.bySource[source] ?? zero;
    for (const kind of ['all', 'available', 'published'] as const) {
      if (has[kind] !== expected[kind]) {
        problems.push(
          new RestoreError(
            `table documents has ${formatCount(has[kind])} ${kind === 'all' ? '' : `${kind} `}rows of source ${source}, the manifest says ${formatCount(expected[kind])}`,
          ),
        );
      }
    }
  }
  throwIfAny(problems);
}

/** `(source, initial_id)` is unique in practice, although upstream dropped the constraint. */
export async function verifyNoDuplicateDocuments(client: pg.Pool | pg.ClientBase): Promise<void> {
  throwIfAny(
    (await findDuplicateDocuments(client)).map(
      (row) =>
        new RestoreError(
          `table documents has ${row.n} rows for (source, initial_id) = (${row.source}, ${row.initial_id}), expected 1`,
        ),
    ),
  );
}

/** The sample documents recorded in the manifest are there, with the same slug and source. */
export async function verifyDocumentSamples(
  client: pg.Pool | pg.ClientBase,
  manifest: BackupManifest,
): Promise<number> {
  const samples = manifest.documents.samples;
  const { rows } = await client.query<{ cdtn_id: string; initial_id: string; source: string; slug: string }>(
    'SELECT cdtn_id, initial_id, source, slug FROM public.documents WHERE cdtn_id = ANY($1)',
    [samples.map((sample) => sample.cdtn_id)],
  );
  const found = new Map(rows.map((row) => [row.cdtn_id, row]));
  const problems = samples.flatMap((sample) => {
    const row = found.get(sample.cdtn_id);
    const expected = `${sample.source}/${sample.slug} (${sample.initial_id})`;
    if (!row)
      return [
        new RestoreError(
          `table documents has no document ${sample.cdtn_id}, the manifest expects ${expected}`,
        ),
      ];
    const has = `${row.source}/${row.slug} (${row.initial_id})`;
    return has === expected
      ? []
      : [new RestoreError(`table documents has ${sample.cdtn_id} as ${has}, the manifest says ${expected}`)];
  });
  throwIfAny(problems);
  return samples.length;
}
