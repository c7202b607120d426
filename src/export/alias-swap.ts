// The switch that makes an export visible: the three aliases `<prefix>_<kind>` move to the new
// `<ts>` indices in one atomic request, then older indices are deleted by
// @socialgouv/cdtn-elasticsearch's own `deleteOldIndex` (as export-elasticsearch's ingest.ts calls
// it): it keeps the new indices and the newest three older ones, whatever the aliases pointed at.
import cdtnElasticsearch from '@socialgouv/cdtn-elasticsearch';
import type { AliasAction, SearchEngine } from '../search/search-engine.ts';
import { INDEX_KINDS, aliasName, indexName, indexTimestamp, type IndexKind } from './export-environment.ts';
import { ExportError } from './export-error.ts';

export type AliasTargets = Record<IndexKind, string[]>;

export async function readAliasTargets(search: SearchEngine, prefix: string): Promise<AliasTargets> {
  const aliases = await search.getAliases(`${prefix}_*`);
  const targets = {} as AliasTargets;
  for (const kind of INDEX_KINDS) targets[kind] = [...(aliases[aliasName(prefix, kind)] ?? [])].sort();
  return targets;
}

/** Fails when an alias points at an index this export did not build (not `<alias>-<epoch ms>`). */
export function ensureAliasesAreExportIndices(task: string, prefix: string, targets: AliasTargets): void {
  const problems = INDEX_KINDS.flatMap((kind) => {
    const alias = aliasName(prefix, kind);
    return targets[kind]
      .filter((index) => indexTimestamp(alias, index) === undefined)
      .map((index) => `${alias} → ${index}`);
  });
  if (problems.length > 0) {
    throw new ExportError({
      task,
      object: `aliases ${prefix}_*`,
      problem: 'alias points at an unexpected index, aliases left untouched',
      expected: `indices named <alias>-<epoch ms>`,
      found: problems.join(', '),
    });
  }
}

export async function swapAliases(
  search: SearchEngine,
  task: string,
  prefix: string,
  timestamp: number,
  previous: AliasTargets,
): Promise<void> {
  const actions: AliasAction[] = INDEX_KINDS.flatMap((kind) => {
    const alias = aliasName(prefix, kind);
    const removals = previous[kind].map((index) => ({ remove: { index, alias } }));
    return [...removals, { add: { index: indexName(prefix, kind, timestamp), alias } }];
  });
  try {
    await search.updateAliases(actions);
  } catch (error) {
    throw new ExportError({
      task,
      object: `aliases ${prefix}_*`,
      problem: `could not move the aliases to ${timestamp}`,
      cause: error,
    });
  }
}

/**
 * Runs the package's `deleteOldIndex` on the engine port: it only lists indices
 * (`cat.indices`) and deletes some (`indices.delete`). Returns the indices it deleted.
 */
export async function deleteOldIndices(
  search: SearchEngine,
  prefix: string,
  timestamp: number,
): Promise<string[]> {
  const deleted: string[] = [];
  const client = {
    cat: { indices: async () => (await search.listIndices(`${prefix}_*`)).map((index) => ({ index })) },
    indices: {
      delete: async ({ index }: { index: string }) => {
        await search.deleteIndex(index);
        deleted.push(index);
      },
    },
  };
  const patterns = INDEX_KINDS.map((kind) => aliasName(prefix, kind));
  await cdtnElasticsearch.deleteOldIndex({ client, patterns, timestamp });
  return deleted;
}
