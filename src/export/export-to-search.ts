// The reference exporter: what export-elasticsearch does between PostgreSQL and the search
// engine, step by step, then its post-steps (post-steps/), recorded on an `export_es_status` row
// (running → completed | failed): `completed` only once the post-steps are done.
import type pg from 'pg';
import { cdtnIndexDefinitions, type CdtnIndexDefinitions } from '../search/cdtn-index-definitions.ts';
import type { BulkDocument, SearchEngine } from '../search/search-engine.ts';
import { readActiveAccords } from './accords.ts';
import {
  deleteOldIndices,
  ensureAliasesAreExportIndices,
  readAliasTargets,
  swapAliases,
} from './alias-swap.ts';
import { loadBreadcrumbs } from './breadcrumbs.ts';
import { BulkLoader } from './bulk-loader.ts';
import { FETCH_PAGE_SIZE, readSearchDocuments } from './document-sources.ts';
import {
  EXPORT_PREFIXES,
  EXPORT_TASKS,
  INDEX_KINDS,
  indexName,
  type ExportEnvironment,
  type IndexKind,
} from './export-environment.ts';
import { ExportError } from './export-error.ts';
import {
  claimExport,
  finishExport,
  storeDocumentsCount,
  type DocumentsCount,
  type ExportStatusRow,
} from './export-status.ts';
import { runPostSteps, type PostStepsConfig } from './post-steps/post-steps.ts';
import { readSuggestions } from './suggestions.ts';

export interface ExportDeps {
  pool: pg.Pool;
  search: SearchEngine;
  /** Index definitions; default: the real ones of @socialgouv/cdtn-elasticsearch. */
  definitions?: CdtnIndexDefinitions;
  /** The bucket and the sitemap endpoint; none: the post-steps are disabled (upstream's DISABLE_SITEMAP, DISABLE_AGREEMENTS, DISABLE_COPY). */
  postSteps?: PostStepsConfig;
}

export interface ExportOptions {
  environment: ExportEnvironment;
  userId: string;
  /** Index prefix; default: the environment's (cdtn-preprod-v2, cdtn-prod-v2). */
  prefix?: string;
  signal?: AbortSignal;
}

export interface ExportResult {
  id: string;
  timestamp: number;
  indices: Record<IndexKind, string>;
  documentsCount: DocumentsCount;
  deletedIndices: string[];
  /** Bucket keys the post-steps wrote (none when they are disabled). */
  uploaded: string[];
  durationMs: number;
}

/** Claims the export (export_es_status rules, export-status.ts) and runs it to the end. */
export async function exportToSearch(deps: ExportDeps, options: ExportOptions): Promise<ExportResult> {
  return runClaimedExport(deps, await claimExport(deps.pool, options.environment, options.userId), options);
}

/** Runs an export whose `running` row exists; marks it completed, or failed with the error. */
export async function runClaimedExport(
  deps: ExportDeps,
  row: ExportStatusRow,
  options: ExportOptions,
): Promise<ExportResult> {
  const started = Date.now();
  const task = EXPORT_TASKS[options.environment];
  const prefix = options.prefix ?? EXPORT_PREFIXES[options.environment];
  const timestamp = Date.now();
  const indices = Object.fromEntries(
    INDEX_KINDS.map((kind) => [kind, indexName(prefix, kind, timestamp)]),
  ) as Record<IndexKind, string>;
  const created: string[] = [];
  try {
    const previous = await readAliasTargets(deps.search, prefix);
    ensureAliasesAreExportIndices(task, prefix, previous);
    const definitions = deps.definitions ?? cdtnIndexDefinitions();
    for (const kind of INDEX_KINDS) {
      await createIndex(deps.search, task, indices[kind], definitions[kind]);
      created.push(indices[kind]);
    }
    const documentsCount = await loadDocuments(deps, task, indices.documents, options.signal);
    await storeDocumentsCount(deps.pool, row.id, documentsCount);
    await loadAll(
      deps.search,
      task,
      indices.suggestions,
      readSuggestions(deps.pool, FETCH_PAGE_SIZE),
      options.signal,
    );
    await loadAll(
      deps.search,
      task,
      indices.accords,
      readActiveAccords(deps.pool, FETCH_PAGE_SIZE),
      options.signal,
    );
    for (const index of created) await deps.search.refresh(index);
    options.signal?.throwIfAborted();
    await swapAliases(deps.search, task, prefix, timestamp, previous);
    created.length = 0; // live now: never cleaned up as a failed run's leftovers
    const deletedIndices = await deleteOldIndices(deps.search, prefix, timestamp);
    const uploaded = deps.postSteps
      ? (await runPostSteps(deps.pool, deps.postSteps, options.environment, options.signal)).uploaded
      : [];
    await finishExport(deps.pool, row.id, {});
    return {
      id: row.id,
      timestamp,
      indices,
      documentsCount,
      deletedIndices,
      uploaded,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    const failure =
      error instanceof ExportError
        ? error
        : new ExportError({
            task,
            object: `export ${row.id} (${prefix})`,
            problem: 'export failed',
            cause: error,
          });
    await Promise.allSettled(created.map((index) => deps.search.deleteIndex(index)));
    await finishExport(deps.pool, row.id, { error: failure.message });
    throw failure;
  }
}

async function createIndex(
  search: SearchEngine,
  task: string,
  index: string,
  definition: CdtnIndexDefinitions[IndexKind],
): Promise<void> {
  try {
    await search.createIndex(index, definition);
  } catch (error) {
    throw new ExportError({
      task,
      object: `index ${index}`,
      problem: 'could not be created with the @socialgouv/cdtn-elasticsearch settings and mappings',
      cause: error,
    });
  }
}

/** Loads every source into the documents index; returns documentsCount (per source and total). */
async function loadDocuments(
  deps: ExportDeps,
  task: string,
  index: string,
  signal?: AbortSignal,
): Promise<DocumentsCount> {
  const loader = new BulkLoader(deps.search, index, { task, signal });
  const counts: DocumentsCount = {};
  for await (const batch of readSearchDocuments(deps.pool, await loadBreadcrumbs(deps.pool))) {
    await loader.add(batch.documents);
    counts[batch.source] = (counts[batch.source] ?? 0) + (batch.recordedCount ?? batch.documents.length);
  }
  await loader.finish();
  counts.total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return counts;
}

async function loadAll(
  search: SearchEngine,
  task: string,
  index: string,
  pages: AsyncIterable<BulkDocument[]>,
  signal?: AbortSignal,
): Promise<number> {
  const loader = new BulkLoader(search, index, { task, signal });
  for await (const documents of pages) await loader.add(documents);
  return loader.finish();
}
