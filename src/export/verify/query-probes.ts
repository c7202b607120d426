// Query terms derived from the ingested data, never written in advance: a word of a document
// title turned plural, an accented word without its accents, an article number. Each probe says
// which document must answer and which plain-analyzer query must not (proof that the French
// analysis chain, not the raw text, found it).
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { SearchEngine } from '../../search/search-engine.ts';
import {
  fullTextSearchClause,
  pinnedTo,
  relatedArticlesClause,
  SEARCHED_SOURCES,
} from '../../search/frontend-queries.ts';
import { ARTICLE_L2312_1 } from '../../ingest/cdtn-id.ts';

export type ProbeKind = 'plural' | 'accent' | 'article-id';

export interface QueryProbe {
  kind: ProbeKind;
  query: string;
  cdtnId: string;
  title: string;
  /** The frontend-shaped query that must match the document. */
  body: Record<string, unknown>;
  /** A query on the raw `title` field that must not match it (absent for article ids). */
  control?: Record<string, unknown>;
}

interface TitleRow {
  cdtnId: string;
  title: string;
  source: string;
}

const require = createRequire(import.meta.url);
const CANDIDATES = 2000;

/** Candidates: documents the presearch's full text covers (conventions, found only with contributions, left out). */
export async function deriveQueryProbes(pool: pg.Pool): Promise<QueryProbe[]> {
  const { rows } = await pool.query<TitleRow>(
    `SELECT cdtn_id AS "cdtnId", title, source FROM public.documents
      WHERE is_available AND is_published AND is_searchable AND (source = ANY($1) OR source = 'code_du_travail')
      ORDER BY cdtn_id LIMIT $2`,
    [SEARCHED_SOURCES, CANDIDATES],
  );
  const stopWords = loadStopWords();
  const searchable = rows.filter((row) => row.source !== 'code_du_travail');
  const probes: QueryProbe[] = [];
  const plural = firstWord(
    searchable,
    (word, title) =>
      /^\p{L}{7,}$/u.test(word) &&
      !/[sxz]$/.test(word) &&
      !stopWords.has(word) &&
      !title.includes(`${word}s`),
  );
  if (plural)
    probes.push(probe('plural', `${plural.word}s`, plural.row, fullTextSearchClause(`${plural.word}s`)));
  const accent = firstWord(
    searchable,
    (word) => /^\p{L}{5,}$/u.test(word) && stripAccents(word) !== word && !stopWords.has(word),
  );
  if (accent)
    probes.push(
      probe('accent', stripAccents(accent.word), accent.row, fullTextSearchClause(stripAccents(accent.word))),
    );
  const articles = rows.filter(
    (row) => row.source === 'code_du_travail' && /^[LRD]\d{4}-\d+(-\d+)?$/.test(row.title),
  );
  const article = articles.find((row) => row.cdtnId === ARTICLE_L2312_1) ?? articles[0];
  if (article)
    probes.push({
      kind: 'article-id',
      query: article.title,
      cdtnId: article.cdtnId,
      title: article.title,
      body: pinnedTo(article.cdtnId, relatedArticlesClause(article.title)),
    });
  return probes;
}

/** Runs a probe: whether the document answered the frontend query, and the plain control query. */
export async function runQueryProbe(
  search: SearchEngine,
  index: string,
  probe: QueryProbe,
): Promise<{ found: boolean; foundByPlainTitle: boolean }> {
  const found = (await search.search(index, { size: 1, query: probe.body })).total > 0;
  const foundByPlainTitle = probe.control
    ? (await search.search(index, { size: 1, query: probe.control })).total > 0
    : false;
  return { found, foundByPlainTitle };
}

function probe(
  kind: ProbeKind,
  query: string,
  row: TitleRow,
  frontendQuery: Record<string, unknown>,
): QueryProbe {
  return {
    kind,
    query,
    cdtnId: row.cdtnId,
    title: row.title,
    body: pinnedTo(row.cdtnId, frontendQuery),
    control: pinnedTo(row.cdtnId, { match: { title: { query } } }),
  };
}

function firstWord(
  rows: TitleRow[],
  accept: (word: string, title: string) => boolean,
): { word: string; row: TitleRow } | undefined {
  for (const row of rows) {
    const title = row.title.toLowerCase();
    const word = title.split(/[^\p{L}]+/u).find((candidate) => accept(candidate, title));
    if (word) return { word, row };
  }
  return undefined;
}

function stripAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The stop words of the index's `french_stop` filter: a stop word is never a probe. */
function loadStopWords(): Set<string> {
  const { stopwords } = require('@socialgouv/cdtn-elasticsearch/src/dataset/stop_words/index.js') as {
    stopwords: string[];
  };
  return new Set(stopwords.map((word) => word.toLowerCase()));
}
