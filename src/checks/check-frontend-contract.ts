// tp1, ephemeral target: the queries the frontend makes, sent to the prod aliases of the engine
// (`<aliasPrefix>_documents|suggestions`), with what they must return derived from PostgreSQL.
import type pg from 'pg';
import type { SearchEngine } from '../search/index.ts';
import { CheckError } from './check-error.ts';
import {
  fullTextSearchQuery,
  idccQuery,
  laborCodeArticleQuery,
  relatedThemesQuery,
  suggestQuery,
} from './frontend-queries.ts';

export interface FrontendContractTarget {
  search: SearchEngine;
  aliasPrefix: string;
  task?: string;
}

const documentsAlias = (t: FrontendContractTarget) => `${t.aliasPrefix}_documents`;

/** `/api/presearch?q=`: themes then full text; at least one result. Returns the number found. */
export async function checkPresearch(target: FrontendContractTarget, query: string): Promise<number> {
  const alias = documentsAlias(target);
  const [themes, fullText] = await Promise.all([
    target.search.search(alias, relatedThemesQuery(query)),
    target.search.search(alias, fullTextSearchQuery(query)),
  ]);
  const found = themes.hits.length + fullText.hits.length;
  if (found === 0) {
    const object = `presearch "${query}" on ${alias}`;
    throw new CheckError({
      task: target.task ?? 'tp1',
      object,
      expected: 'at least one theme or full-text result',
      found: 'none',
    });
  }
  return found;
}

/** `/api/suggest?q=`: a non-empty list of titles. */
export async function checkSuggest(target: FrontendContractTarget, query: string): Promise<string[]> {
  const alias = `${target.aliasPrefix}_suggestions`;
  const response = await target.search.search<{ title: string }>(alias, suggestQuery(query));
  const titles = response.hits.map((hit) => hit.source.title);
  if (titles.length === 0) {
    const object = `suggest "${query}" on ${alias}`;
    throw new CheckError({
      task: target.task ?? 'tp1',
      object,
      expected: 'at least one suggestion',
      found: 'none',
    });
  }
  return titles;
}

/** `/api/idcc?q=<number>`: the convention with that number comes first. */
export async function checkIdcc(target: FrontendContractTarget, idcc: number): Promise<void> {
  const alias = documentsAlias(target);
  const response = await target.search.search<{ num?: unknown }>(alias, idccQuery(String(idcc), 1));
  const first = response.hits[0]?.source.num;
  if (Number(first) !== idcc) {
    const object = `idcc "${idcc}" on ${alias}`;
    const found = first === undefined ? 'no hit' : `convention ${String(first)} first`;
    throw new CheckError({ task: target.task ?? 'tp1', object, expected: `convention ${idcc} first`, found });
  }
}

/** The document behind `/code-du-travail/<slug>` is the one PostgreSQL publishes under that slug. */
export async function checkLaborCodeArticle(
  target: FrontendContractTarget,
  slug: string,
  cdtnId: string,
): Promise<void> {
  const alias = documentsAlias(target);
  const response = await target.search.search<{ cdtnId?: string }>(alias, laborCodeArticleQuery(slug));
  const found = response.hits[0]?.source.cdtnId;
  if (found !== cdtnId) {
    const object = `page /code-du-travail/${slug} (source code_du_travail, alias ${alias})`;
    const shown = found === undefined ? 'no published document' : `document ${found}`;
    throw new CheckError({
      task: target.task ?? 'tp1',
      object,
      expected: `document ${cdtnId}`,
      found: shown,
    });
  }
}

/** cdtn_id of the published code du travail article with that slug, from PostgreSQL. */
export async function readPublishedArticleId(pool: pg.Pool, slug: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ cdtn_id: string }>(
    `SELECT cdtn_id FROM documents WHERE source = 'code_du_travail' AND slug = $1 AND is_published AND is_available`,
    [slug],
  );
  return rows[0]?.cdtn_id;
}

/** IDCC numbers of the published conventions, from PostgreSQL (what the idcc search can find). */
export async function readPublishedIdccs(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ num: number }>(
    `SELECT DISTINCT (document->>'num')::int AS num FROM documents
     WHERE source = 'conventions_collectives' AND is_published AND document->>'num' ~ '^[0-9]+$' ORDER BY 1`,
  );
  return rows.map((row) => row.num);
}
