// The suggestions index. Upstream indexes `dataset/suggestions.txt` (600 user queries with a
// weight), a file that is not published with any npm package; the drill derives suggestions from
// the ingested data instead: one per distinct title of the searchable, published documents
// (articles of the code excepted: their titles are numbers), weighted by how many documents share it.
import type pg from 'pg';
import type { BulkDocument } from '../search/search-engine.ts';
import { readInBatches } from './pg-cursor.ts';

const SUGGESTIONS_SQL = `
  SELECT md5(title) AS id, title, count(*)::int AS ranking
    FROM public.documents
   WHERE is_available AND is_published AND is_searchable AND source <> 'code_du_travail' AND title <> ''
   GROUP BY title ORDER BY title`;

export async function* readSuggestions(pool: pg.Pool, pageSize: number): AsyncGenerator<BulkDocument[]> {
  for await (const rows of readInBatches<{ id: string; title: string; ranking: number }>(
    pool,
    SUGGESTIONS_SQL,
    [],
    pageSize,
  )) {
    yield rows.map(({ id, title, ranking }) => ({ id, body: { title, ranking } }));
  }
}

/** How many suggestions the export must index (checked by the drills). */
export async function countSuggestions(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${SUGGESTIONS_SQL}) s`);
  return rows[0]?.n ?? 0;
}
