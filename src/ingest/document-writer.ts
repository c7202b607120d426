// Bulk writes of one package's rows, each statement on its own (write-package.ts orders them as
// upstream does): multi-row upserts fed by one JSON parameter per chunk (json_to_recordset), never
// one statement per row.
import type pg from 'pg';

type Queryable = pg.Pool | pg.ClientBase;
import type { IngestDocument, KaliArticleRow, LegiArticleRow } from './package-reader.ts';

/** Rows per statement are bounded by the size of their JSON (a few MB keeps memory and latency low). */
const CHUNK_BYTES = 8 * 1024 * 1024;

function* chunksOfJson(rows: readonly object[]): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (size + json.length > CHUNK_BYTES && parts.length > 0) {
      yield `[${parts.join(',')}]`;
      parts = [];
      size = 0;
    }
    parts.push(json);
    size += json.length;
  }
  if (parts.length > 0) yield `[${parts.join(',')}]`;
}

async function upsertChunks(client: Queryable, sql: string, rows: readonly object[]): Promise<number> {
  let written = 0;
  for (const json of chunksOfJson(rows)) written += (await client.query(sql, [json])).rowCount ?? 0;
  return written;
}

export async function markSourceUnavailable(client: Queryable, source: string): Promise<number> {
  const result = await client.query(
    'UPDATE documents SET is_available = false WHERE source = $1 AND is_available',
    [source],
  );
  return result.rowCount ?? 0;
}

/** Upserts on `documents_pkey` (cdtn_id) and makes the upserted documents available again. */
export async function upsertDocuments(
  client: Queryable,
  documents: readonly IngestDocument[],
  options: { updatesSlug: boolean },
): Promise<number> {
  const rows = documents.map((d) => ({
    cdtn_id: d.cdtnId,
    initial_id: d.initialId,
    source: d.source,
    title: d.title,
    slug: d.slug,
    text: d.text,
    meta_description: d.metaDescription,
    is_searchable: d.isSearchable,
    document: d.document,
  }));
  const sql = `
    INSERT INTO documents (cdtn_id, initial_id, source, title, slug, text, meta_description, is_searchable, document, is_available)
    SELECT cdtn_id, initial_id, source, title, slug, text, meta_description, is_searchable, document, true
    FROM json_to_recordset($1::json) AS r(cdtn_id text, initial_id text, source text, title text, slug text, text text,
      meta_description text, is_searchable boolean, document jsonb)
    ON CONFLICT ON CONSTRAINT documents_pkey DO UPDATE SET
      title = excluded.title, source = excluded.source, text = excluded.text, document = excluded.document,
      is_searchable = excluded.is_searchable, is_available = true${options.updatesSlug ? ', slug = excluded.slug' : ''}`;
  return upsertChunks(client, sql, rows);
}

export async function upsertLegiArticles(
  client: Queryable,
  articles: readonly LegiArticleRow[],
): Promise<number> {
  const sql = `
    INSERT INTO legi_articles (id, cid, label)
    SELECT id, cid, label FROM json_to_recordset($1::json) AS r(id text, cid text, label text)
    ON CONFLICT (id) DO UPDATE SET label = excluded.label`;
  return upsertChunks(client, sql, articles);
}

export async function upsertKaliArticles(
  client: Queryable,
  articles: readonly KaliArticleRow[],
): Promise<number> {
  const sql = `
    INSERT INTO kali_articles (id, cid, agreement_id, path, label, section)
    SELECT id, cid, "agreementId", path, label, section
    FROM json_to_recordset($1::json) AS r(id text, cid text, "agreementId" text, path text, label text, section text)
    ON CONFLICT (id) DO UPDATE SET path = excluded.path, label = excluded.label`;
  return upsertChunks(client, sql, articles);
}

export async function markServiceSheetsUnknown(client: Queryable, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await client.query(
    `UPDATE service_public_contents SET status = 'unknown' WHERE id = ANY($1)`,
    [ids],
  );
  return result.rowCount ?? 0;
}
