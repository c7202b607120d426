// What the frontend will read after an export: each alias `<prefix>_<kind>` on exactly one
// `<alias>-<ts>` index, the same `<ts>` for the three, and at most two indices per pattern.
import type { SearchEngine } from '../../search/search-engine.ts';
import { readAliasTargets, type AliasTargets } from '../alias-swap.ts';
import { INDEX_KINDS, aliasName, indexTimestamp, type IndexKind } from '../export-environment.ts';
import { ExportError } from '../export-error.ts';

export interface ExportAliases {
  timestamp: number;
  indices: Record<IndexKind, string>;
  targets: AliasTargets;
}

/** Throws one error listing every problem found, or returns the live indices and their timestamp. */
export async function inspectExportAliases(
  search: SearchEngine,
  task: string,
  prefix: string,
): Promise<ExportAliases> {
  const targets = await readAliasTargets(search, prefix);
  const problems: string[] = [];
  const timestamps = new Set<number>();
  for (const kind of INDEX_KINDS) {
    const alias = aliasName(prefix, kind);
    const indices = targets[kind];
    if (indices.length !== 1)
      problems.push(`${alias} resolves to ${indices.length} indices [${indices.join(', ')}], expected 1`);
    for (const index of indices) {
      const ts = indexTimestamp(alias, index);
      if (ts === undefined)
        problems.push(`${alias} points at unexpected index ${index}, expected ${alias}-<epoch ms>`);
      else timestamps.add(ts);
    }
  }
  if (problems.length === 0 && timestamps.size !== 1)
    problems.push(
      `the aliases use ${timestamps.size} timestamps [${[...timestamps].join(', ')}], expected one`,
    );
  if (problems.length > 0) {
    throw new ExportError({ task, object: `aliases ${prefix}_*`, problem: problems.join('; ') });
  }
  const indices = Object.fromEntries(INDEX_KINDS.map((kind) => [kind, targets[kind][0]])) as Record<
    IndexKind,
    string
  >;
  return { timestamp: [...timestamps][0] as number, indices, targets };
}

/** Indices named `<alias>-<ts>` per kind (the export keeps the current one and one previous). */
export async function listExportIndices(
  search: SearchEngine,
  prefix: string,
): Promise<Record<IndexKind, string[]>> {
  const result = {} as Record<IndexKind, string[]>;
  for (const kind of INDEX_KINDS) {
    const alias = aliasName(prefix, kind);
    result[kind] = (await search.listIndices(`${alias}-*`)).filter(
      (index) => indexTimestamp(alias, index) !== undefined,
    );
  }
  return result;
}
