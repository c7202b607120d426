// The agreements list export-elasticsearch uploads as agreements/index.json: its GraphQL
// `ListSupportedAgreements` (src/repositories/graphql/queries.ts) read in SQL, each field under
// the name upstream gives it. kali-data downloads this file daily.
import type pg from 'pg';

export async function readSupportedAgreements(pool: pg.Pool): Promise<Record<string, unknown>[]> {
  const { rows } = await pool.query(
    `SELECT kali_id AS id, legifrance_url AS url, name AS title,
       to_char(publication_date, 'YYYY-MM-DD') AS date_publi, root_text AS texte_de_base,
       short_name AS "shortTitle", worker_number AS effectif, is_supported AS "fetchArticles", id AS num
     FROM agreement.agreements WHERE id <> '0000' AND is_supported ORDER BY id`,
  );
  return rows;
}
