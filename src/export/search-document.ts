// A `public.documents` row shaped the way the frontend reads it from the documents index:
// the stored `document` JSON spread first, then the columns under the names export-elasticsearch
// gives them (cdtnId, id = initial_id, isPublished, excludeFromSearch = !is_searchable …).
import type { GetBreadcrumbs } from './breadcrumbs.ts';

export interface DocumentRow {
  cdtn_id: string;
  initial_id: string;
  title: string;
  slug: string;
  source: string;
  text: string;
  meta_description: string;
  is_published: boolean;
  is_searchable: boolean;
  document: Record<string, unknown> | null;
}

export type SearchDocument = Record<string, unknown> & {
  cdtnId?: string;
  id: string;
  source: string;
  slug: string;
  title: string;
};

/** Columns of a DocumentRow, for the cursor queries. */
export const DOCUMENT_COLUMNS =
  'cdtn_id, initial_id, title, slug, source, text, meta_description, is_published, is_searchable, document';

export function toSearchDocument(row: DocumentRow, getBreadcrumbs: GetBreadcrumbs): SearchDocument {
  const content = row.document ?? {};
  return {
    ...content,
    breadcrumbs: getBreadcrumbs(row.cdtn_id),
    cdtnId: row.cdtn_id,
    description: typeof content.description === 'string' ? content.description : row.meta_description,
    excludeFromSearch: !row.is_searchable,
    id: row.initial_id,
    isPublished: row.is_published,
    metaDescription: row.meta_description,
    slug: row.slug,
    source: row.source,
    text: row.text,
    title: row.title,
  };
}
