// Loads, before a tarball is streamed, the database facts its reader declared it needs.
import type pg from 'pg';
import type { CdtnIdGenerator } from './cdtn-id.ts';
import type { LegiArticleRow, PackageReader, ReaderContext, SupportedAgreement } from './package-reader.ts';

async function getServiceSheetIds(pool: pg.Pool): Promise<Set<string>> {
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM service_public_contents');
  return new Set(rows.map((r) => r.id));
}

async function getSupportedAgreements(pool: pg.Pool): Promise<SupportedAgreement[]> {
  const { rows } = await pool.query<SupportedAgreement>(
    `SELECT trim(id) AS idcc, kali_id AS "kaliId" FROM agreement.agreements
     WHERE is_supported AND kali_id IS NOT NULL ORDER BY id`,
  );
  return rows;
}

async function getLegiArticles(pool: pg.Pool): Promise<Map<string, LegiArticleRow>> {
  const { rows } = await pool.query<LegiArticleRow>('SELECT id, cid, label FROM legi_articles');
  return new Map(rows.map((row) => [row.id, row]));
}

export async function loadReaderContext(
  pool: pg.Pool,
  reader: PackageReader,
  generateCdtnId: CdtnIdGenerator,
): Promise<ReaderContext> {
  return {
    generateCdtnId,
    serviceSheetIds: reader.needs.includes('serviceSheetIds') ? await getServiceSheetIds(pool) : new Set(),
    legiArticles: reader.needs.includes('legiArticles') ? await getLegiArticles(pool) : new Map(),
    supportedAgreements: reader.needs.includes('supportedAgreements')
      ? await getSupportedAgreements(pool)
      : [],
  };
}
