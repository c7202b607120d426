// What the manifest records about public.documents: counts per source and a few rows to look for.
import type pg from 'pg';
import { ARTICLE_L1, ARTICLE_L2312_1 } from '../ingest/cdtn-id.ts';
import type { DocumentCounts, DocumentSample } from './backup-manifest.ts';

/** Articles L1 and L2312-1 of the code du travail, whose cdtn_id upstream's README verifies. */
export const KNOWN_CDTN_IDS = [ARTICLE_L1, ARTICLE_L2312_1];

export async function getDocumentCountsBySource(
  client: pg.Pool | pg.ClientBase,
): Promise<Record<string, DocumentCounts>> {
  const { rows } = await client.query<{ source: string; all: string; available: string; published: string }>(`
    SELECT source, count(*) AS all, count(*) FILTER (WHERE is_available) AS available,
           count(*) FILTER (WHERE is_published) AS published
      FROM public.documents GROUP BY source ORDER BY source`);
  return Object.fromEntries(
    rows.map((row) => [
      row.source,
      { all: Number(row.all), available: Number(row.available), published: Number(row.published) },
    ]),
  );
}

/** The known articles when the dump has them, and the first document of every source. */
export async function getDocumentSamples(client: pg.ClientBase): Promise<DocumentSample[]> {
  const { rows } = await client.query<DocumentSample>(
    `SELECT cdtn_id, initial_id, source, slug FROM public.documents WHERE cdtn_id = ANY($1)
     UNION
     (SELECT DISTINCT ON (source) cdtn_id, initial_id, source, slug FROM public.documents ORDER BY source, cdtn_id)`,
    [KNOWN_CDTN_IDS],
  );
  return rows.sort((a, b) => a.cdtn_id.localeCompare(b.cdtn_id));
}
