// Both engines answer the same JSON for the calls the port makes: one place turns it into the port's
// types, so the two adapters differ only in how they call their client.
import type {
  AliasAction,
  BulkDocument,
  BulkItemError,
  BulkResult,
  ClusterHealth,
  EngineDistribution,
  EngineInfo,
  SearchResponse,
} from './search-engine.ts';
import { statusOf } from './search-engine-error.ts';

/** How many item errors a bulk result carries (the count of failures is always complete). */
export const BULK_ERRORS_KEPT = 10;

/** NDJSON lines of a bulk request: one `index` action per document, `_id` from the document. */
export function bulkOperations(index: string, documents: BulkDocument[]): Record<string, unknown>[] {
  return documents.flatMap((document) => [{ index: { _index: index, _id: document.id } }, document.body]);
}

interface BulkItemBody {
  _id?: string | null;
  status: number;
  error?: { type?: string; reason?: string | null } | null;
}

/** Per-item accounting of a bulk response: every failure counted, the first BULK_ERRORS_KEPT kept. */
export function toBulkResult(
  items: Record<string, BulkItemBody | undefined>[],
  documents: BulkDocument[],
): BulkResult {
  const errors: BulkItemError[] = [];
  let failed = 0;
  items.forEach((item, position) => {
    const result = Object.values(item)[0];
    if (result?.error === undefined || result.error === null) return;
    failed += 1;
    if (errors.length < BULK_ERRORS_KEPT) {
      errors.push({
        id: result._id ?? documents[position]?.id ?? `#${position}`,
        status: result.status,
        type: result.error.type ?? 'unknown',
        reason: result.error.reason ?? '',
      });
    }
  });
  return { indexed: items.length - failed, failed, errors };
}

interface HitsBody {
  hits: {
    total?: number | { value: number } | null;
    hits: { _id?: string | null; _index?: string; _score?: number | null; _source?: unknown }[];
  };
  aggregations?: Record<string, unknown>;
}

export function toSearchResponse<T>(body: HitsBody): SearchResponse<T> {
  const total = body.hits.total;
  return {
    total: typeof total === 'number' ? total : (total?.value ?? body.hits.hits.length),
    hits: body.hits.hits.map((hit) => ({
      id: hit._id ?? '',
      index: hit._index ?? '',
      score: hit._score ?? null,
      source: hit._source as T,
    })),
    ...(body.aggregations === undefined ? {} : { aggregations: body.aggregations }),
  };
}

/**
 * `GET /_alias/<pattern>` (index → aliases) turned into alias → sorted indices. A 404 (some name not
 * found) carries `error` and `status` beside the indices it did find: those two are not indices.
 */
export function toAliasMap(body: unknown): Record<string, string[]> {
  const indices = Object.entries(
    (body ?? {}) as Record<string, { aliases?: Record<string, unknown> }>,
  ).filter(([key]) => key !== 'error' && key !== 'status');
  const map: Record<string, string[]> = {};
  for (const [index, { aliases = {} }] of indices) {
    for (const alias of Object.keys(aliases)) (map[alias] ??= []).push(index);
  }
  for (const names of Object.values(map)) names.sort();
  return map;
}

export function toHealth(body: { status: string; number_of_nodes: number }): ClusterHealth {
  const status = body.status.toLowerCase();
  if (status !== 'green' && status !== 'yellow' && status !== 'red') {
    throw new Error(`unexpected cluster health status "${body.status}"`);
  }
  return { status, numberOfNodes: body.number_of_nodes };
}

export function toInfo(
  body: { cluster_name: string; version: { number: string } },
  distribution: EngineDistribution,
): EngineInfo {
  return { distribution, version: body.version.number, clusterName: body.cluster_name };
}

/** `GET /_cat/indices?format=json&h=index` rows as sorted index names (a 404 body: none). */
export function toIndexNames(rows: unknown): string[] {
  return (Array.isArray(rows) ? (rows as { index?: string }[]) : [])
    .flatMap((row) => (row.index === undefined ? [] : [row.index]))
    .sort();
}

/** A document's `_source` from `get`, or undefined when the document (not its index) is missing. */
export async function sourceOrMissing<T>(get: () => Promise<T | undefined>): Promise<T | undefined> {
  try {
    return await get();
  } catch (error) {
    // A missing document is an answer; a missing index stays an error.
    if (statusOf(error) === 404 && (error as { body?: { found?: boolean } }).body?.found === false)
      return undefined;
    throw error;
  }
}

/** The indices an alias update touches, for its error message. */
export function aliasActionIndices(actions: AliasAction[]): string {
  return [
    ...new Set(actions.flatMap((action) => [action.add?.index, action.remove?.index]).filter(Boolean)),
  ].join(', ');
}
