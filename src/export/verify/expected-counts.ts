// What the export is defined to produce from the database it reads, per source: one index
// document per available row, one per indexed section of each ministry fiche, one glossary
// document (whose documentsCount is the number of terms). Drills and tests compare against it.
import type pg from 'pg';
import {
  countIndexedSections,
  FICHE_PAGE_SOURCE,
  FICHE_SECTION_SOURCE,
  GLOSSARY_SOURCE,
  listDocumentSources,
} from '../document-sources.ts';
import type { DocumentsCount } from '../export-status.ts';
import { readInBatches } from '../pg-cursor.ts';

export interface ExpectedCounts {
  /** Documents per source in `<prefix>_documents` (sources with none are absent). */
  index: Record<string, number>;
  /** `documentsCount` of the status row, with `total`. */
  documentsCount: DocumentsCount;
}

export async function expectedDocumentCounts(pool: pg.Pool): Promise<ExpectedCounts> {
  const { rows } = await pool.query<{ source: string; n: number }>(
    `SELECT source, count(*)::int AS n FROM public.documents WHERE is_available AND source = ANY($1) GROUP BY source`,
    [await listDocumentSources(pool)],
  );
  const documentsCount: DocumentsCount = Object.fromEntries(rows.map(({ source, n }) => [source, n]));
  if (documentsCount[FICHE_PAGE_SOURCE] !== undefined)
    documentsCount[FICHE_SECTION_SOURCE] = await countFicheSections(pool);
  const glossary = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM public.glossary');
  documentsCount[GLOSSARY_SOURCE] = glossary.rows[0]?.n ?? 0;

  const index = Object.fromEntries(Object.entries(documentsCount).filter(([, n]) => n > 0));
  index[GLOSSARY_SOURCE] = 1;
  documentsCount.total = Object.values(documentsCount).reduce((sum, n) => sum + n, 0);
  return { index, documentsCount };
}

async function countFicheSections(pool: pg.Pool): Promise<number> {
  let sections = 0;
  const pages = readInBatches<{ document: Record<string, unknown> | null }>(
    pool,
    `SELECT document FROM public.documents WHERE source = $1 AND is_available`,
    [FICHE_PAGE_SOURCE],
    250,
  );
  for await (const page of pages) for (const { document } of page) sections += countIndexedSections(document);
  return sections;
}
