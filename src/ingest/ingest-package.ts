// One package, as cdtn-admin's ingester does it: ask the registry, skip unless newer than
// package_version, download and verify, read, then write everything in ONE transaction so a
// failure leaves the package's previous documents and version as they were.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import semver from 'semver';
import {
  markServiceSheetsUnknown,
  markSourceUnavailable,
  upsertDocuments,
  upsertKaliArticles,
  upsertLegiArticles,
} from './document-writer.ts';
import { IngestError } from './ingest-error.ts';
import type { IngestResult, SkipReason } from './ingest-result.ts';
import type { PackageContent, PackageReader, ReaderContext } from './package-reader.ts';
import { getInstalledVersion, upsertPackageVersion } from './package-version.ts';
import { loadReaderContext } from './reader-context.ts';
import { downloadTarball, fetchPackageManifest } from './registry-client.ts';
import type { ResolvedRegistryOptions } from './registry-options.ts';
import { readTarballFiles } from './tarball-reader.ts';

export interface IngestPackageOptions {
  /** A version to ingest instead of the registry's `latest`. */
  version?: string;
  registry: ResolvedRegistryOptions;
  /** Where the tarball is downloaded (removed after reading). */
  workDir: string;
  generateCdtnId: ReaderContext['generateCdtnId'];
  signal?: AbortSignal;
}

/** Two rows with one cdtn_id in a multi-row upsert would fail obscurely (or overwrite silently across chunks). */
function ensureNoDuplicateIds(reader: PackageReader, content: PackageContent): void {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const { cdtnId, initialId } of content.documents) {
    if (seen.has(cdtnId)) duplicates.push(initialId);
    seen.add(cdtnId);
  }
  if (duplicates.length > 0) {
    throw new IngestError(
      reader.packageName,
      `the package yields duplicate documents: ${duplicates.slice(0, 10).join(', ')}`,
    );
  }
}

async function writeContent(pool: pg.Pool, reader: PackageReader, content: PackageContent, version: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const unavailable = reader.source ? await markSourceUnavailable(client, reader.source) : 0;
    const upserted = await upsertDocuments(client, content.documents, { updatesSlug: reader.updatesSlug });
    const legi = content.legiArticles ? await upsertLegiArticles(client, content.legiArticles) : 0;
    const kali = content.kaliArticles ? await upsertKaliArticles(client, content.kaliArticles) : 0;
    const unknown = await markServiceSheetsUnknown(client, content.unknownServiceSheetIds ?? []);
    if (reader.updatesPackageVersion) await upsertPackageVersion(client, reader.packageName, version);
    await client.query('COMMIT');
    return { unavailable, upserted, legi, kali, unknown };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function skippedResult(
  base: Pick<IngestResult, 'package' | 'fromVersion' | 'toVersion'>,
  skipped: SkipReason,
  skippedReason: string,
  durationMs: number,
): IngestResult {
  return {
    ...base,
    skipped,
    skippedReason,
    documentsUpserted: 0,
    documentsMarkedUnavailable: 0,
    legiArticlesUpserted: 0,
    kaliArticlesUpserted: 0,
    serviceSheetsMarkedUnknown: 0,
    packageVersionUpdated: false,
    durationMs,
    documentsPerSecond: 0,
    rowsPerSecond: 0,
    phasesMs: { download: 0, read: 0, write: 0 },
    notes: [],
  };
}

export async function ingestPackage(
  pool: pg.Pool,
  reader: PackageReader,
  options: IngestPackageOptions,
): Promise<IngestResult> {
  const name = reader.packageName;
  const started = performance.now();
  const manifest = await fetchPackageManifest(
    name,
    options.version ?? 'latest',
    options.registry,
    options.signal,
  );
  const installed = await getInstalledVersion(pool, name);
  const base = { package: name, fromVersion: installed ?? null, toVersion: manifest.version };
  if (installed !== undefined && !semver.gt(manifest.version, installed)) {
    const older = semver.lt(manifest.version, installed);
    const reason = older
      ? `registry ${options.version ?? 'latest'} ${manifest.version} is older than installed ${installed}: no downgrade`
      : `installed ${installed} is already ${manifest.version}`;
    return skippedResult(
      base,
      older ? 'older-than-installed' : 'up-to-date',
      reason,
      performance.now() - started,
    );
  }

  const tarball = path.join(options.workDir, `${name.replace('/', '+')}-${manifest.version}.tgz`);
  try {
    await downloadTarball(manifest, tarball, options.registry, options.signal);
    const downloaded = performance.now();
    const context = await loadReaderContext(pool, reader, options.generateCdtnId);
    const files = await readTarballFiles(tarball, (filePath) => reader.select(filePath, context));
    const content = reader.read(files, context);
    ensureNoDuplicateIds(reader, content);
    const read = performance.now();
    options.signal?.throwIfAborted();
    const written = await writeContent(pool, reader, content, manifest.version).catch((error: unknown) => {
      const reason = `writing ${manifest.version} failed and was rolled back: ${(error as Error).message}`;
      throw new IngestError(name, reason, { cause: error });
    });
    const ended = performance.now();
    const seconds = (ended - started) / 1000;
    return {
      ...base,
      documentsUpserted: written.upserted,
      documentsMarkedUnavailable: written.unavailable,
      legiArticlesUpserted: written.legi,
      kaliArticlesUpserted: written.kali,
      serviceSheetsMarkedUnknown: written.unknown,
      packageVersionUpdated: reader.updatesPackageVersion,
      durationMs: ended - started,
      documentsPerSecond: written.upserted / seconds,
      rowsPerSecond: (written.upserted + written.legi + written.kali) / seconds,
      phasesMs: { download: downloaded - started, read: read - downloaded, write: ended - read },
      notes: content.notes,
    };
  } finally {
    await rm(tarball, { force: true });
  }
}
