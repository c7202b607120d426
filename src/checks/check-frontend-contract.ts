// tp1, ephemeral target: the queries the frontend makes, sent to the prod aliases of the engine
// (`<aliasPrefix>_documents|suggestions`), with what they must return derived from PostgreSQL.
import type pg from 'pg';
import {
  fullTextSearchQuery,
  idccQuery,
  laborCodeArticleQuery,
  relatedThemesQuery,
  suggestQuery,
  type SearchEngine,
} from '../search/index.ts';
import { CheckError, type CheckErrorDetails } from './check-error.ts';

export interface FrontendContractTarget {
  search: SearchEngine;
  aliasPrefix: string;
  task?: string;
}

const documentsAlias = (t: FrontendContractTarget) => `${t.aliasPrefix}_documents`;

/** The check's failure, named after the target's task (tp1 unless the target says otherwise). */
function contractError(
  target: FrontendContractTarget,
  details: Omit<CheckErrorDetails, 'task'>,
  options?: ErrorOptions,
): CheckError {
  return new CheckError({ task: target.task ?? 'tp1', ...details }, options);
}

/** One frontend query; an engine failure (no alias, refused query) becomes an error naming the task. */
async function ask<T>(
  target: FrontendContractTarget,
  object: string,
  alias: string,
  body: Record<string, unknown>,
) {
  try {
    return await target.search.search<T>(alias, body);
  } catch (error) {
    const found = (error as Error).message;
    throw contractError(target, { object, expected: `an answer from ${alias}`, found }, { cause: error });
  }
}

async function readRows<T extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  try {
    return (await pool.query<T>(sql, params)).rows;
  } catch (error) {
    const details = {
      task: 'tp1',
      object: 'PostgreSQL documents',
      expected: 'a readable table',
      found: (error as Error).message,
    };
    throw new CheckError(details, { cause: error });
  }
}

/** `/api/presearch?q=`: themes then full text; at least one result. Returns the number found. */
export async function checkPresearch(target: FrontendContractTarget, query: string): Promise<number> {
  const alias = documentsAlias(target);
  const object = `presearch "${query}" on ${alias}`;
  const [themes, fullText] = await Promise.all([
    ask(target, object, alias, relatedThemesQuery(query)),
    ask(target, object, alias, fullTextSearchQuery(query)),
  ]);
  const found = themes.hits.length + fullText.hits.length;
  if (found === 0)
    throw contractError(target, {
      object,
      expected: 'at least one theme or full-text result',
      found: 'none',
    });
  return found;
}

/** `/api/suggest?q=`: a non-empty list of titles. */
export async function checkSuggest(target: FrontendContractTarget, query: string): Promise<string[]> {
  const alias = `${target.aliasPrefix}_suggestions`;
  const object = `suggest "${query}" on ${alias}`;
  const response = await ask<{ title: string }>(target, object, alias, suggestQuery(query));
  const titles = response.hits.map((hit) => hit.source.title);
  if (titles.length === 0)
    throw contractError(target, { object, expected: 'at least one suggestion', found: 'none' });
  return titles;
}

/** `/api/idcc?q=<number>`: the convention with that number comes first. */
export async function checkIdcc(target: FrontendContractTarget, idcc: number): Promise<void> {
  const alias = documentsAlias(target);
  const object = `idcc "${idcc}" on ${alias}`;
  const response = await ask<{ num?: unknown }>(target, object, alias, idccQuery(String(idcc), 1));
  const first = response.hits[0]?.source.num;
  if (Number(first) !== idcc) {
    const found = first === undefined ? 'no hit' : `convention ${String(first)} first`;
    throw contractError(target, { object, expected: `convention ${idcc} first`, found });
  }
}

/** The document behind `/code-du-travail/<slug>` is the one PostgreSQL publishes under that slug. */
export async function checkLaborCodeArticle(
  target: FrontendContractTarget,
  slug: string,
  cdtnId: string,
): Promise<void> {
  const alias = documentsAlias(target);
  const object = `page /code-du-travail/${slug} (source code_du_travail, alias ${alias})`;
  const response = await ask<{ cdtnId?: string }>(target, object, alias, laborCodeArticleQuery(slug));
  const found = response.hits[0]?.source.cdtnId;
  if (found !== cdtnId) {
    const shown = found === undefined ? 'no published document' : `document ${found}`;
    throw contractError(target, { object, expected: `document ${cdtnId}`, found: shown });
  }
}

/** cdtn_id of the published code du travail article with that slug, from PostgreSQL. */
export async function readPublishedArticleId(pool: pg.Pool, slug: string): Promise<string | undefined> {
  const rows = await readRows<{ cdtn_id: string }>(
    pool,
    `SELECT cdtn_id FROM documents WHERE source = 'code_du_travail' AND slug = $1 AND is_published AND is_available`,
    [slug],
  );
  return rows[0]?.cdtn_id;
}

/** IDCC numbers of the published conventions, from PostgreSQL (what the idcc search can find). */
export async function readPublishedIdccs(pool: pg.Pool): Promise<number[]> {
  const rows = await readRows<{ num: number }>(
    pool,
    `SELECT DISTINCT (document->>'num')::int AS num FROM documents
     WHERE source = 'conventions_collectives' AND is_published AND document->>'num' ~ '^[0-9]+$' ORDER BY 1`,
  );
  return rows.map((row) => row.num);
}
