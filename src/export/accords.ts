// The company agreements index: accords still in force (date_fin after today), shaped as
// export-elasticsearch shapes them (camelCase, dates as yyyy-MM-dd); the id is the ACCOTEXT id.
import type pg from 'pg';
import type { BulkDocument } from '../search/search-engine.ts';
import { readInBatches } from './pg-cursor.ts';

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const ACCORDS_WHERE = 'date_fin > current_date';
const ACCORDS_SQL = `
  SELECT id, title, siret, ${day('date_maj')} AS "dateMaj", ${day('date_depot')} AS "dateDepot",
         ${day('date_effet')} AS "dateEffet", ${day('date_fin')} AS "dateFin",
         ${day('date_diffusion')} AS "dateDiffusion", conforme_version_integrale AS "conformeVersionIntegrale",
         themes, signataires
    FROM accords.accords WHERE ${ACCORDS_WHERE} ORDER BY id`;

export async function* readActiveAccords(pool: pg.Pool, pageSize: number): AsyncGenerator<BulkDocument[]> {
  for await (const rows of readInBatches<{ id: string }>(pool, ACCORDS_SQL, [], pageSize)) {
    yield rows.map((row) => ({ id: row.id, body: row }));
  }
}

/** How many accords the export must index (checked by the drills). */
export async function countActiveAccords(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM accords.accords WHERE ${ACCORDS_WHERE}`,
  );
  return rows[0]?.n ?? 0;
}
