// Documents picked from PostgreSQL to fetch back by id from the index: the runbook's known
// article (L2312-1) when present, and the first available document of every source.
import type pg from 'pg';
import { ARTICLE_L2312_1 } from '../../ingest/cdtn-id.ts';
import { GLOSSARY_SOURCE } from '../document-sources.ts';

export interface KnownDocument {
  cdtnId: string;
  title: string;
  slug: string;
  source: string;
}

export async function pickKnownDocuments(pool: pg.Pool): Promise<KnownDocument[]> {
  const { rows } = await pool.query<KnownDocument>(
    `SELECT "cdtnId", title, slug, source FROM (
       SELECT DISTINCT ON (source) cdtn_id AS "cdtnId", title, slug, source
         FROM public.documents WHERE is_available AND source <> $2 ORDER BY source, cdtn_id) firsts
     UNION
     SELECT cdtn_id, title, slug, source FROM public.documents WHERE cdtn_id = $1 AND is_available
     ORDER BY source, "cdtnId"`,
    [ARTICLE_L2312_1, GLOSSARY_SOURCE],
  );
  return rows;
}
