// What goes into `<prefix>_documents-<ts>`, source by source: every available document of
// `public.documents` (read through a cursor, in cdtn_id order), the ministry fiches split per
// section as `fiches_ministere_travail`, and the glossary as one document holding every term.
import type pg from 'pg';
import type { BulkDocument } from '../search/search-engine.ts';
import { AGREEMENT_SOURCE, readContributionIdccs, withAgreementFields } from './agreement-fields.ts';
import type { GetBreadcrumbs } from './breadcrumbs.ts';
import {
  ficheSectionsForPage,
  fichePrefix,
  isIndexedSection,
  sectionTitle,
  type FicheSection,
} from './fiche-sections.ts';
import { readInBatches } from './pg-cursor.ts';
import {
  DOCUMENT_COLUMNS,
  toSearchDocument,
  type DocumentRow,
  type SearchDocument,
} from './search-document.ts';

export const FICHE_PAGE_SOURCE = 'page_fiche_ministere_travail';
export const FICHE_SECTION_SOURCE = 'fiches_ministere_travail';
export const GLOSSARY_SOURCE = 'glossary';
/** Rows fetched per cursor round trip (export-elasticsearch pages Hasura by 250). */
export const FETCH_PAGE_SIZE = 250;

export interface SourceBatch {
  source: string;
  documents: BulkDocument[];
  /** What documentsCount records when it is not the number of documents (glossary: its terms). */
  recordedCount?: number;
}

/** Sources read from `public.documents`; the glossary comes from its own table, sections are derived. */
export async function listDocumentSources(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ source: string }>(
    `SELECT DISTINCT source FROM public.documents WHERE is_available AND source <> ALL($1) ORDER BY source`,
    [[GLOSSARY_SOURCE, FICHE_SECTION_SOURCE]],
  );
  return rows.map((row) => row.source);
}

export async function* readSearchDocuments(
  pool: pg.Pool,
  getBreadcrumbs: GetBreadcrumbs,
  pageSize = FETCH_PAGE_SIZE,
): AsyncGenerator<SourceBatch> {
  for (const source of await listDocumentSources(pool)) {
    const rows = readInBatches<DocumentRow>(
      pool,
      `SELECT ${DOCUMENT_COLUMNS} FROM public.documents WHERE source = $1 AND is_available ORDER BY cdtn_id`,
      [source],
      pageSize,
    );
    const contributionIdccs = source === AGREEMENT_SOURCE ? await readContributionIdccs(pool) : undefined;
    for await (const page of rows) {
      const shaped = page.map((row) => toSearchDocument(row, getBreadcrumbs));
      const documents = contributionIdccs
        ? shaped.map((document) => withAgreementFields(document, contributionIdccs))
        : shaped;
      if (source !== FICHE_PAGE_SOURCE) {
        yield { source, documents: documents.map(toBulk) };
        continue;
      }
      yield {
        source,
        documents: documents.map((page) =>
          toBulk({ ...page, sections: ficheSectionsForPage(sectionsOf(page)) }),
        ),
      };
      yield { source: FICHE_SECTION_SOURCE, documents: documents.flatMap(splitFiche) };
    }
  }
  yield await readGlossary(pool);
}

/** One search document per indexed section; its id is the fiche's cdtnId and the section's position. */
function splitFiche(page: SearchDocument): BulkDocument[] {
  const prefix = fichePrefix(page.title);
  return sectionsOf(page).flatMap((section, position) => {
    if (!isIndexedSection(section.title ?? '')) return [];
    const anchor = section.anchor ? `#${section.anchor}` : '';
    const body = {
      anchor: section.anchor,
      breadcrumbs: page.breadcrumbs,
      description: section.description,
      excludeFromSearch: page.excludeFromSearch,
      html: section.html,
      id: `${page.id}${anchor}`,
      isPublished: page.isPublished,
      references: section.references,
      slug: `${page.slug}${anchor}`,
      source: FICHE_SECTION_SOURCE,
      text: section.text,
      title: sectionTitle(prefix, section.title ?? ''),
    };
    return [{ id: `${page.cdtnId}-${position}`, body }];
  });
}

async function readGlossary(pool: pg.Pool): Promise<SourceBatch> {
  const { rows } = await pool.query(
    `SELECT term, abbreviations, definition, variants, "references", slug FROM public.glossary ORDER BY term`,
  );
  const document = { id: GLOSSARY_SOURCE, body: { source: GLOSSARY_SOURCE, data: rows } };
  return { source: GLOSSARY_SOURCE, documents: [document], recordedCount: rows.length };
}

function sectionsOf(page: Record<string, unknown>): FicheSection[] {
  return Array.isArray(page.sections) ? (page.sections as FicheSection[]) : [];
}

function toBulk(document: SearchDocument): BulkDocument {
  return { id: document.cdtnId ?? document.id, body: document };
}
