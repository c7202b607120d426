// Loads, before a tarball is streamed, the database facts its reader declared it needs.
import type pg from 'pg';
import type { CdtnIdGenerator } from './cdtn-id.ts';
import type { PackageReader, ReaderContext, SupportedAgreement } from './package-reader.ts';

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

export async function loadReaderContext(
  pool: pg.Pool,
  reader: PackageReader,
  generateCdtnId: CdtnIdGenerator,
): Promise<ReaderContext> {
  return {
    generateCdtnId,
    serviceSheetIds: reader.needs.includes('serviceSheetIds') ? await getServiceSheetIds(pool) : new Set(),
    supportedAgreements: reader.needs.includes('supportedAgreements')
      ? await getSupportedAgreements(pool)
      : [],
  };
}
