// The two export targets of export-elasticsearch and the names they give to indices and aliases.
// Physical indices are `<prefix>_<kind>-<epoch ms>`; the frontend reads the aliases `<prefix>_<kind>`.
import { EXPORT_ENVIRONMENTS } from '../config/index.ts';

export { EXPORT_ENVIRONMENTS };
export type ExportEnvironment = (typeof EXPORT_ENVIRONMENTS)[number];

export const INDEX_KINDS = ['documents', 'suggestions', 'accords'] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

/** Index prefix of each environment (ELASTICSEARCH_INDEX_PREPROD / _PROD of the export configmap). */
export const EXPORT_PREFIXES: Record<ExportEnvironment, string> = {
  preproduction: 'cdtn-preprod-v2',
  production: 'cdtn-prod-v2',
};

/** Runbook task (gantt id) that performs each environment's export: errors name it. */
export const EXPORT_TASKS: Record<ExportEnvironment, string> = {
  preproduction: 'tt4',
  production: 'tt5',
};

export function aliasName(prefix: string, kind: IndexKind): string {
  return `${prefix}_${kind}`;
}

export function indexName(prefix: string, kind: IndexKind, timestamp: number): string {
  return `${aliasName(prefix, kind)}-${timestamp}`;
}

/** The epoch-ms timestamp of an index built for `alias`, or undefined when the name is not `<alias>-<digits>`. */
export function indexTimestamp(alias: string, index: string): number | undefined {
  if (!index.startsWith(`${alias}-`)) return undefined;
  const suffix = index.slice(alias.length + 1);
  return /^\d+$/.test(suffix) ? Number(suffix) : undefined;
}
