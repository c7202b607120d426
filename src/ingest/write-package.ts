// How cdtn-admin's ingester writes a package (targets/ingester/src/cli.ts `main`, with
// lib/hasura-mutations-queries.ts and lib/batchPromises.ts): no transaction. It marks every
// document of the source unavailable, upserts the package's documents in chunks of 50, ten chunks
// at a time, each statement retried, and writes package_version only after the last chunk. A
// package without documents writes nothing, not even its version. A failure midway therefore
// leaves the source partly unavailable under the previous version: reproduced on purpose (tt3
// reports it as an upstream defect), not fixed.
import type pg from 'pg';
import { retryWithBackoff } from '../env/poll-until.ts';
import {
  markServiceSheetsUnknown,
  markSourceUnavailable,
  upsertDocuments,
  upsertKaliArticles,
  upsertLegiArticles,
} from './document-writer.ts';
import type { IngestDocument, PackageContent, PackageReader } from './package-reader.ts';
import { upsertPackageVersion } from './package-version.ts';

/** `chunk(documents, 50)` and `batchPromises(chunks, …, 10)` in upstream's cli.ts. */
export const DOCUMENTS_PER_CHUNK = 50;
export const CHUNKS_AT_ONCE = 10;

/** Upstream wraps each statement in p-retry with 5 retries (1 s, then doubling). */
export interface WriteRetries {
  retries: number;
  backoffMs: number;
}
export const UPSTREAM_WRITE_RETRIES: WriteRetries = { retries: 5, backoffMs: 1_000 };

export interface WrittenCounts {
  unavailable: number;
  upserted: number;
  legi: number;
  kali: number;
  unknown: number;
}

/** A chunk failed after its retries: the chunks before it (and beside it in its batch) stay written. */
export class PartialWriteError extends Error {
  readonly documentsWritten: number;
  readonly documentsInPackage: number;
  readonly failedChunk: number;

  constructor(progress: { written: number; total: number; failedChunk: number }, cause: unknown) {
    super((cause as Error).message ?? String(cause), { cause });
    this.name = 'PartialWriteError';
    this.documentsWritten = progress.written;
    this.documentsInPackage = progress.total;
    this.failedChunk = progress.failedChunk;
  }
}

type Attempt<T> = { ok: true; result: T } | { ok: false; error: unknown };

async function withRetries<T>(statement: () => Promise<T>, retries: WriteRetries): Promise<T> {
  const { value } = await retryWithBackoff<Attempt<T>>(async () => {
    try {
      return { done: true, value: { ok: true, result: await statement() } };
    } catch (error) {
      return { done: false, value: { ok: false, error } };
    }
  }, retries);
  if (!value.ok) throw value.error;
  return value.result;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Upserts the chunks a batch at a time. Upstream's Promise.all rejects at the first failure while
 * the batch's other chunks still land; waiting for them (allSettled) gives the same database, known
 * when this returns.
 */
async function upsertInChunks(
  pool: pg.Pool,
  documents: readonly IngestDocument[],
  updatesSlug: boolean,
  retries: WriteRetries,
): Promise<number> {
  const chunks = chunk(documents, DOCUMENTS_PER_CHUNK);
  let written = 0;
  for (let first = 0; first < chunks.length; first += CHUNKS_AT_ONCE) {
    const batch = chunks.slice(first, first + CHUNKS_AT_ONCE);
    const outcomes = await Promise.allSettled(
      batch.map((docs) => withRetries(() => upsertDocuments(pool, docs, { updatesSlug }), retries)),
    );
    for (const outcome of outcomes) if (outcome.status === 'fulfilled') written += outcome.value;
    const failed = outcomes.findIndex((outcome) => outcome.status === 'rejected');
    if (failed >= 0) {
      const reason = (outcomes[failed] as PromiseRejectedResult).reason;
      throw new PartialWriteError(
        { written, total: documents.length, failedChunk: first + failed + 1 },
        reason,
      );
    }
  }
  return written;
}

export async function writePackage(
  pool: pg.Pool,
  reader: PackageReader,
  content: PackageContent,
  version: string,
  retries: WriteRetries,
): Promise<WrittenCounts> {
  const { documents } = content;
  const source = reader.source;
  const unavailable =
    source && documents.length > 0
      ? await withRetries(() => markSourceUnavailable(pool, source), retries)
      : 0;
  const upserted = await upsertInChunks(pool, documents, reader.updatesSlug, retries);
  const legi = content.legiArticles ? await upsertLegiArticles(pool, content.legiArticles) : 0;
  const kali = content.kaliArticles ? await upsertKaliArticles(pool, content.kaliArticles) : 0;
  const unknown = await markServiceSheetsUnknown(pool, content.unknownServiceSheetIds ?? []);
  if (reader.updatesPackageVersion) await upsertPackageVersion(pool, reader.packageName, version);
  return { unavailable, upserted, legi, kali, unknown };
}
