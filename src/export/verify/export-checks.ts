// The assertions of tt4/tt5 on an exported environment, each one function that returns what it
// read and throws one ExportError listing every difference. Read-only: safe against a cluster.
import type pg from 'pg';
import type { BackupManifest } from '../../pg/backup-manifest.ts';
import type { SearchEngine } from '../../search/search-engine.ts';
import { expectDocuments, readGoldenDocuments } from '../../spec/index.ts';
import { countActiveAccords } from '../accords.ts';
import { GLOSSARY_SOURCE } from '../document-sources.ts';
import { INDEX_KINDS, aliasName, type IndexKind } from '../export-environment.ts';
import { ExportError } from '../export-error.ts';
import type { ExportStatusRow } from '../export-status.ts';
import { countSuggestions } from '../suggestions.ts';
import { listExportIndices } from './alias-inspection.ts';
import { countIndexBySource } from './index-counts.ts';
import { pickKnownDocuments } from './known-documents.ts';
import { deriveQueryProbes, runQueryProbe } from './query-probes.ts';

interface CheckContext {
  task: string;
  prefix: string;
  pool: pg.Pool;
  search: SearchEngine;
  /** The backup restored into `pool` (ephemeral target): sources no ingestion writes must hold what it held. */
  manifest?: BackupManifest;
}

/**
 * Just exported: index per source == what upstream's rules make of PostgreSQL (src/spec) == the
 * row's documentsCount. A live system's latest export (read-only run): PostgreSQL has moved on since, so
 * the index must hold what that export recorded, with documents of every source it exported.
 */
export async function checkSourceCounts(
  context: CheckContext,
  row: ExportStatusRow,
  exportedNow = true,
): Promise<Record<string, number>> {
  const alias = aliasName(context.prefix, 'documents');
  const indexed = await countIndexBySource(context.search, alias);
  const stored = row.documentsCount ?? {};
  if (!exportedNow) {
    // The glossary is always one index document; its documentsCount is its number of terms.
    const inIndex = (source: string, count: number) => (source === GLOSSARY_SOURCE ? 1 : count);
    const problems = Object.entries(stored)
      .filter(([source, count]) => source !== 'total' && (indexed[source] ?? 0) !== inIndex(source, count))
      .map(([source, count]) => `${source}: index ${indexed[source] ?? 0}, documentsCount ${count}`);
    if (Object.keys(indexed).length === 0) problems.push('no document of any source');
    if (problems.length > 0)
      fail(context, alias, `the latest export's counts differ from the index: ${problems.join('; ')}`);
    return indexed;
  }
  const expected = await expectDocuments(context.pool, context.manifest);
  const problems: string[] = expected.driftFromBackup.map(
    (drift) => `PostgreSQL moved since the backup: ${drift}`,
  );
  for (const source of new Set([...Object.keys(expected.index), ...Object.keys(indexed)])) {
    if ((indexed[source] ?? 0) !== (expected.index[source] ?? 0)) {
      problems.push(`${source}: index ${indexed[source] ?? 0}, PostgreSQL ${expected.index[source] ?? 0}`);
    }
  }
  for (const source of new Set([...Object.keys(expected.documentsCount), ...Object.keys(stored)])) {
    if (stored[source] !== expected.documentsCount[source]) {
      problems.push(
        `documentsCount.${source}: stored ${stored[source] ?? 'none'}, PostgreSQL ${expected.documentsCount[source] ?? 'none'}`,
      );
    }
  }
  if (problems.length > 0) fail(context, alias, `per-source counts differ: ${problems.join('; ')}`);
  return indexed;
}

export async function checkIndexRetention(context: CheckContext): Promise<Record<IndexKind, string[]>> {
  const indices = await listExportIndices(context.search, context.prefix);
  const problems = INDEX_KINDS.filter((kind) => indices[kind].length > 2).map(
    (kind) => `${aliasName(context.prefix, kind)}-*: ${indices[kind].length} [${indices[kind].join(', ')}]`,
  );
  if (problems.length > 0)
    fail(context, `indices ${context.prefix}_*`, `more than 2 indices per pattern: ${problems.join('; ')}`);
  return indices;
}

export async function checkKnownDocuments(context: CheckContext): Promise<number> {
  const alias = aliasName(context.prefix, 'documents');
  const known = await pickKnownDocuments(context.pool);
  if (known.length === 0) fail(context, 'table public.documents', 'no available document to fetch back');
  const problems: string[] = [];
  for (const document of known) {
    const indexed = await context.search.getById<Record<string, unknown>>(alias, document.cdtnId);
    if (!indexed) {
      problems.push(`${document.cdtnId} (${document.source}) missing`);
      continue;
    }
    for (const field of ['title', 'slug', 'source'] as const) {
      if (indexed[field] !== document[field])
        problems.push(
          `${document.cdtnId}.${field}: index ${JSON.stringify(indexed[field])}, PostgreSQL ${JSON.stringify(document[field])}`,
        );
    }
  }
  if (problems.length > 0) fail(context, alias, `documents differ from PostgreSQL: ${problems.join('; ')}`);
  return known.length;
}

/** The golden set (fixtures/golden/documents.json): each known document in the index with the fields its page renders. */
export async function checkGoldenDocuments(context: CheckContext): Promise<number> {
  const alias = aliasName(context.prefix, 'documents');
  const golden = readGoldenDocuments();
  const problems: string[] = [];
  for (const known of golden) {
    const indexed = await context.search.getById<Record<string, unknown>>(alias, known.cdtnId);
    if (!indexed) {
      problems.push(`${known.cdtnId} (${known.source} ${known.slug}) missing`);
      continue;
    }
    for (const field of ['source', 'slug', 'title'] as const)
      if (indexed[field] !== known[field])
        problems.push(
          `${known.cdtnId}.${field}: index ${JSON.stringify(indexed[field])}, golden ${JSON.stringify(known[field])}`,
        );
  }
  if (problems.length > 0) fail(context, alias, `golden documents differ: ${problems.join('; ')}`);
  return golden.length;
}

/** Accords in force; suggestions as the reference exporter derives them (`exact`) or merely present. */
export async function checkSuggestionsAndAccords(
  context: CheckContext,
  suggestions: 'exact' | 'non-empty',
): Promise<{ suggestions: number; accords: number }> {
  const counted = {
    suggestions: await context.search.count(aliasName(context.prefix, 'suggestions')),
    accords: await context.search.count(aliasName(context.prefix, 'accords')),
  };
  const expectedAccords = await countActiveAccords(context.pool);
  if (counted.accords !== expectedAccords)
    fail(
      context,
      aliasName(context.prefix, 'accords'),
      `accords in force`,
      String(expectedAccords),
      String(counted.accords),
    );
  const expectedSuggestions = suggestions === 'exact' ? await countSuggestions(context.pool) : undefined;
  if (
    expectedSuggestions === undefined
      ? counted.suggestions === 0
      : counted.suggestions !== expectedSuggestions
  ) {
    fail(
      context,
      aliasName(context.prefix, 'suggestions'),
      'suggestions',
      String(expectedSuggestions ?? 'at least 1'),
      String(counted.suggestions),
    );
  }
  return counted;
}

/** Every derived probe finds its document through the French chain and not through the raw title. */
export async function checkFrontendQueries(context: CheckContext): Promise<string[]> {
  const alias = aliasName(context.prefix, 'documents');
  const probes = await deriveQueryProbes(context.pool);
  const problems: string[] = [];
  for (const kind of ['plural', 'accent', 'article-id'])
    if (!probes.some((probe) => probe.kind === kind))
      problems.push(`no ${kind} probe derivable from the documents`);
  for (const probe of probes) {
    const outcome = await runQueryProbe(context.search, alias, probe);
    if (!outcome.found)
      problems.push(`${probe.kind} "${probe.query}" does not find ${probe.cdtnId} ("${probe.title}")`);
    if (outcome.foundByPlainTitle)
      problems.push(
        `${probe.kind} "${probe.query}" also matches the raw title of ${probe.cdtnId}: not a proof of analysis`,
      );
  }
  if (problems.length > 0) fail(context, alias, `frontend queries: ${problems.join('; ')}`);
  return probes.map((probe) => `${probe.kind}: "${probe.query}" → ${probe.cdtnId}`);
}

function fail(
  context: CheckContext,
  object: string,
  problem: string,
  expected?: string,
  found?: string,
): never {
  throw new ExportError({ task: context.task, object, problem, expected, found });
}
