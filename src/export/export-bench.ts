// Export throughput against the engine's own ceiling, measured in one run on the same data: a raw
// bulk load (fresh indices with the same definitions, the same prepared documents in batches of
// 400, then a refresh) against the full export (PostgreSQL reads, shaping, status row, bulk
// loads, alias swap, cleanup). The ratio says what the export adds; the target is ≥ 0.8.
import { cdtnIndexDefinitions, type CdtnIndexDefinitions } from '../search/cdtn-index-definitions.ts';
import type { BulkDocument, SearchEngine } from '../search/search-engine.ts';
import { readActiveAccords } from './accords.ts';
import { loadBreadcrumbs } from './breadcrumbs.ts';
import { BULK_BATCH_SIZE } from './bulk-loader.ts';
import { FETCH_PAGE_SIZE, readSearchDocuments } from './document-sources.ts';
import { INDEX_KINDS, type IndexKind } from './export-environment.ts';
import { exportToSearch, type ExportDeps, type ExportOptions } from './export-to-search.ts';
import { readSuggestions } from './suggestions.ts';

export interface ExportThroughput {
  documents: number;
  exportMs: number;
  exportDocsPerSecond: number;
  rawBulkMs: number;
  rawBulkDocsPerSecond: number;
  /** exportDocsPerSecond / rawBulkDocsPerSecond. */
  ratio: number;
}

export async function measureExportThroughput(
  deps: ExportDeps,
  options: ExportOptions & { prefix: string },
): Promise<ExportThroughput> {
  const prepared = await prepareDocuments(deps);
  const documents = INDEX_KINDS.reduce((sum, kind) => sum + prepared[kind].length, 0);
  const definitions = deps.definitions ?? cdtnIndexDefinitions();
  const rawBulkMs = await rawBulkLoad(deps.search, definitions, `${options.prefix}-raw`, prepared);

  const started = performance.now();
  await exportToSearch(deps, options);
  const exportMs = performance.now() - started;

  const perSecond = (ms: number) => (documents * 1000) / ms;
  return {
    documents,
    exportMs: Math.round(exportMs),
    exportDocsPerSecond: Math.round(perSecond(exportMs)),
    rawBulkMs: Math.round(rawBulkMs),
    rawBulkDocsPerSecond: Math.round(perSecond(rawBulkMs)),
    ratio: Number((rawBulkMs / exportMs).toFixed(3)),
  };
}

/** The documents the export would send, held in memory for the raw load only. */
async function prepareDocuments(deps: ExportDeps): Promise<Record<IndexKind, BulkDocument[]>> {
  const documents: BulkDocument[] = [];
  for await (const batch of readSearchDocuments(deps.pool, await loadBreadcrumbs(deps.pool)))
    documents.push(...batch.documents);
  const collect = async (pages: AsyncIterable<BulkDocument[]>) => {
    const all: BulkDocument[] = [];
    for await (const page of pages) all.push(...page);
    return all;
  };
  return {
    documents,
    suggestions: await collect(readSuggestions(deps.pool, FETCH_PAGE_SIZE)),
    accords: await collect(readActiveAccords(deps.pool, FETCH_PAGE_SIZE)),
  };
}

async function rawBulkLoad(
  search: SearchEngine,
  definitions: CdtnIndexDefinitions,
  prefix: string,
  prepared: Record<IndexKind, BulkDocument[]>,
): Promise<number> {
  const indices = INDEX_KINDS.map((kind) => `${prefix}_${kind}-${Date.now()}`);
  const started = performance.now();
  try {
    for (const [position, kind] of INDEX_KINDS.entries()) {
      const index = indices[position] as string;
      await search.createIndex(index, definitions[kind]);
      for (let start = 0; start < prepared[kind].length; start += BULK_BATCH_SIZE) {
        const result = await search.bulkIndex(index, prepared[kind].slice(start, start + BULK_BATCH_SIZE));
        if (result.failed > 0)
          throw new Error(`raw bulk load into ${index}: ${result.failed} documents rejected`);
      }
      await search.refresh(index);
    }
    return performance.now() - started;
  } finally {
    await Promise.allSettled(indices.map((index) => search.deleteIndex(index)));
  }
}
