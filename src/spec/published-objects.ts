// What export-elasticsearch leaves in the public bucket after an export, written from upstream's
// rules, not from src/export: the environment's folder (src/repositories/s3.ts: published for
// production, preview otherwise), the keys of its config map (.kontinuous/env/prod/templates/
// export.configmap.yaml: sitemap/sitemap.xml, agreements/index.json), and the agreements listed
// (src/repositories/graphql/queries.ts `ListSupportedAgreements`: supported, id not 0000, each with
// the fields the query names).
import type pg from 'pg';

export type SpecEnvironment = 'preproduction' | 'production';

export function publishedObjectKeys(environment: SpecEnvironment): { sitemap: string; agreements: string } {
  const folder = environment === 'production' ? 'published' : 'preview';
  return { sitemap: `${folder}/sitemap/sitemap.xml`, agreements: `${folder}/agreements/index.json` };
}

/** The keys of each entry of agreements/index.json. */
export const AGREEMENT_INDEX_FIELDS = [
  'date_publi',
  'effectif',
  'fetchArticles',
  'id',
  'num',
  'shortTitle',
  'texte_de_base',
  'title',
  'url',
] as const;

/** The IDCCs agreements/index.json must list, sorted. */
export async function expectedAgreementIdccs(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM agreement.agreements WHERE is_supported AND id <> '0000' ORDER BY id`,
  );
  return rows.map((row) => row.id);
}
