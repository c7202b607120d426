// Read-only facts about what the ingester writes, for the drill's and the tests' assertions.
import type pg from 'pg';

type Queryable = pg.Pool | pg.ClientBase;

/** `package_version` as repository → version. */
export async function getPackageVersions(db: Queryable): Promise<Record<string, string>> {
  const { rows } = await db.query<{ repository: string; version: string }>(
    'SELECT repository, version FROM package_version',
  );
  return Object.fromEntries(rows.map((r) => [r.repository, r.version]));
}

/** Available documents per source. */
export async function getAvailableCounts(db: Queryable): Promise<Record<string, number>> {
  const { rows } = await db.query<{ source: string; n: number }>(
    'SELECT source, count(*)::int AS n FROM documents WHERE is_available GROUP BY source',
  );
  return Object.fromEntries(rows.map((r) => [r.source, r.n]));
}

/** One md5 per source over its documents' full rows (content, availability, timestamps). */
export async function fingerprintSources(db: Queryable): Promise<Record<string, string>> {
  const { rows } = await db.query<{ source: string; fingerprint: string }>(
    `SELECT source, md5(string_agg(d::text, '|' ORDER BY cdtn_id)) AS fingerprint FROM documents d GROUP BY source`,
  );
  return Object.fromEntries(rows.map((r) => [r.source, r.fingerprint]));
}

/** An md5 over `kali_articles` and `legi_articles`, the reference rows the ingester upserts. */
export async function fingerprintArticles(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ fingerprint: string }>(
    `SELECT md5(coalesce((SELECT string_agg(k::text, '|' ORDER BY id) FROM kali_articles k), '') ||
                coalesce((SELECT string_agg(l::text, '|' ORDER BY id) FROM legi_articles l), '')) AS fingerprint`,
  );
  return rows[0]?.fingerprint ?? '';
}

/** `(source, initial_id)` pairs held by more than one document, the most repeated first. */
export async function findDuplicateDocuments(
  db: Queryable,
): Promise<Array<{ source: string; initial_id: string; n: number }>> {
  const { rows } = await db.query<{ source: string; initial_id: string; n: number }>(
    'SELECT source, initial_id, count(*)::int AS n FROM public.documents GROUP BY 1, 2 HAVING count(*) > 1 ORDER BY 3 DESC, 1, 2 LIMIT 20',
  );
  return rows;
}

/**
 * After a failed ingestion: each source with fewer available documents than before, worded as the
 * upstream defect it shows (cdtn-admin's ingester marks a source unavailable, then upserts it in
 * chunks, with no transaction: targets/ingester/src/cli.ts).
 */
export function describePartlyUnavailable(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
): string[] {
  return Object.entries(before)
    .filter(([source, count]) => (after[source] ?? 0) < count)
    .map(
      ([source, count]) =>
        `upstream defect: the ingestion failed midway and left ${source} with ${after[source] ?? 0} of ${count} ` +
        'documents available (cdtn-admin marks a source unavailable before it upserts it in chunks, with no ' +
        'transaction): an export now publishes a truncated index; run the ingestion again before exporting',
    );
}
