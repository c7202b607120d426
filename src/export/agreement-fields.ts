// What export-elasticsearch adds to a `conventions_collectives` document (its
// agreements/generate.ts): whether contributions answer for that IDCC, which the presearch
// filters on, and the fixed description. The stored document already holds num, shortTitle,
// effectif, url, synonymes (the admin's mapping), which the idcc search reads.
import type pg from 'pg';
import type { SearchDocument } from './search-document.ts';

export const AGREEMENT_SOURCE = 'conventions_collectives';
const AGREEMENT_DESCRIPTION =
  'Retrouvez les questions-réponses les plus fréquentes organisées par thème et élaborées par le ministère du Travail vous concernant.';

/** IDCCs that published contributions answer for, the generic answers (IDCC 0000) left out. */
export async function readContributionIdccs(pool: pg.Pool): Promise<Set<number>> {
  const { rows } = await pool.query<{ idcc: number }>(
    `SELECT DISTINCT (document->>'idcc')::int AS idcc FROM public.documents
      WHERE source = 'contributions' AND is_published AND is_available
        AND document->>'idcc' ~ '^[0-9]+$' AND document->>'idcc' <> '0000'`,
  );
  return new Set(rows.map((row) => row.idcc));
}

export function withAgreementFields(
  document: SearchDocument,
  contributionIdccs: Set<number>,
): SearchDocument {
  return {
    ...document,
    contributions: contributionIdccs.has(Number(document.num)),
    description: AGREEMENT_DESCRIPTION,
  };
}
