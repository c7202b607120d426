// The switch that makes an export visible: the three aliases `<prefix>_<kind>` move to the new
// `<ts>` indices in one atomic request, then older indices are deleted, keeping per pattern the
// new index and the one the alias left (the previous good export, for a quick way back).
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

/** Deletes `<alias>-<ts>` indices older than `timestamp`, except the one each alias pointed at before. */
export async function deleteOldIndices(
  search: SearchEngine,
  prefix: string,
  timestamp: number,
  previous: AliasTargets,
): Promise<string[]> {
  const deleted: string[] = [];
  for (const kind of INDEX_KINDS) {
    const alias = aliasName(prefix, kind);
    const older = (await search.listIndices(`${alias}-*`))
      .map((index) => ({ index, ts: indexTimestamp(alias, index) }))
      .filter(
        (entry): entry is { index: string; ts: number } => entry.ts !== undefined && entry.ts < timestamp,
      )
      .sort((a, b) => b.ts - a.ts);
    // Keep the index the alias left; with no previous alias, keep the newest older one (upstream).
    const kept = previous[kind][0] ?? older[0]?.index;
    for (const { index } of older) {
      if (index === kept) continue;
      await search.deleteIndex(index);
      deleted.push(index);
    }
  }
  return deleted;
}
