// Breakages of the export's indices, for the mutations of tt4, tt5 and tp1: what a bad export, a
// careless operator or a lost index would leave behind.
import type { DrillEnv } from '../env/drill-env.ts';
import { aliasName, type IndexKind } from '../export/export-environment.ts';
import { engineRequest } from './engine-request.ts';

/** Creates an empty index named like an export's, with this timestamp suffix. */
export async function createEmptyIndex(env: DrillEnv, prefix: string, kind: IndexKind, suffix: string) {
  const index = `${aliasName(prefix, kind)}-${suffix}`;
  await env.search.createIndex(index, { settings: { number_of_replicas: 0 }, mappings: {} });
  return index;
}

/** Points the alias at a new empty index (the one it served is left in place). */
export async function moveAliasToEmptyIndex(env: DrillEnv, prefix: string, kind: IndexKind): Promise<void> {
  const alias = aliasName(prefix, kind);
  const index = await createEmptyIndex(env, prefix, kind, '19990101000000');
  const current = (await env.search.getAliases(alias))[alias] ?? [];
  await env.search.updateAliases([
    ...current.map((served) => ({ remove: { index: served, alias } })),
    { add: { index, alias } },
  ]);
}

interface Hit {
  _index: string;
  _id: string;
  _source?: Record<string, unknown>;
}

/** The documents matching `query` behind the alias (the engine has no delete- or update-by-query module). */
async function findDocuments(
  env: DrillEnv,
  alias: string,
  query: object,
  withSource: boolean,
): Promise<Hit[]> {
  const found = (await engineRequest(env, 'POST', `/${alias}/_search`, {
    size: 10_000,
    query,
    _source: withSource,
  })) as { hits: { hits: Hit[] } };
  return found.hits.hits;
}

async function bulk(env: DrillEnv, lines: object[]): Promise<void> {
  if (lines.length === 0) throw new Error('mutation: no document matched, nothing was broken');
  await engineRequest(
    env,
    'POST',
    '/_bulk?refresh=true',
    `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`,
  );
}

/** Deletes the documents matching `query` behind the alias, refreshed. */
export async function deleteDocuments(env: DrillEnv, alias: string, query: object): Promise<void> {
  const hits = await findDocuments(env, alias, query, false);
  await bulk(
    env,
    hits.map((hit) => ({ delete: { _index: hit._index, _id: hit._id } })),
  );
}

/** Rewrites the documents matching `query` behind the alias with `change`, refreshed. */
export async function rewriteDocuments(
  env: DrillEnv,
  alias: string,
  query: object,
  change: (source: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const hits = await findDocuments(env, alias, query, true);
  await bulk(
    env,
    hits.flatMap((hit) => [{ index: { _index: hit._index, _id: hit._id } }, change(hit._source ?? {})]),
  );
}

/** Redefines the index's French analyzers as the standard one (closed, changed, reopened). */
export async function replaceFrenchAnalysis(env: DrillEnv, alias: string): Promise<void> {
  const standard = { type: 'standard' };
  for (const index of (await env.search.getAliases(alias))[alias] ?? []) {
    await engineRequest(env, 'POST', `/${index}/_close`);
    await engineRequest(env, 'PUT', `/${index}/_settings`, {
      analysis: { analyzer: { french: standard, french_indexing: standard, french_with_synonyms: standard } },
    });
    await engineRequest(env, 'POST', `/${index}/_open?wait_for_active_shards=1`);
  }
}

/** The engine refuses every write and index creation (what a full disk does), until undone. */
export async function setClusterReadOnly(env: DrillEnv, readOnly: boolean): Promise<void> {
  await engineRequest(env, 'PUT', '/_cluster/settings', {
    persistent: { 'cluster.blocks.read_only': readOnly ? true : null },
  });
}

/** An index whose primary no node may hold: the cluster turns red. */
export async function createUnassignableIndex(env: DrillEnv, index: string): Promise<void> {
  await engineRequest(env, 'PUT', `/${index}?wait_for_active_shards=0`, {
    settings: { number_of_replicas: 0, 'index.routing.allocation.require._name': 'no-such-node' },
  });
}

export async function deleteIndex(env: DrillEnv, index: string): Promise<void> {
  await engineRequest(env, 'DELETE', `/${index}?ignore_unavailable=true`);
}
