// One package, as cdtn-admin's ingester does it (targets/ingester/src/cli.ts): ask the registry,
// skip unless newer than package_version, download and verify, read, then write as upstream writes
// (write-package.ts): no transaction, so a failure midway leaves the source partly unavailable.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import semver from 'semver';
import { IngestError } from './ingest-error.ts';
import type { IngestResult, SkipReason } from './ingest-result.ts';
import type { PackageContent, PackageReader, ReaderContext } from './package-reader.ts';
import { getInstalledVersion } from './package-version.ts';
import { loadReaderContext } from './reader-context.ts';
import { downloadTarball, fetchPackageManifest } from './registry-client.ts';
import type { ResolvedRegistryOptions } from './registry-options.ts';
import { readTarballFiles } from './tarball-reader.ts';
import { PartialWriteError, writePackage, type WriteRetries } from './write-package.ts';

export interface IngestPackageOptions {
  /** A version to ingest instead of the registry's `latest`. */
  version?: string;
  registry: ResolvedRegistryOptions;
  /** Where the tarball is downloaded (removed after reading). */
  workDir: string;
  generateCdtnId: ReaderContext['generateCdtnId'];
  writeRetries: WriteRetries;
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

/** Names what a failed write left behind: upstream keeps no transaction to roll back. */
function describeWriteFailure(error: unknown, reader: PackageReader, version: string, installed?: string) {
  const left = `package_version stays ${installed ?? '(no row)'}, as cdtn-admin's ingester leaves it`;
  if (!(error instanceof PartialWriteError))
    return `writing ${version} failed: ${(error as Error).message}; nothing is rolled back, ${left}`;
  return (
    `writing ${version} failed at chunk ${error.failedChunk} (${error.message}) after ` +
    `${error.documentsWritten} of ${error.documentsInPackage} documents: ${reader.source} is left ` +
    `partly unavailable and ${left}`
  );
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
    if (reader.source && content.documents.length === 0) {
      const reason = `${manifest.version} has no documents: cdtn-admin writes nothing, not even package_version, and downloads it again next run`;
      return skippedResult(base, 'empty-package', reason, performance.now() - started);
    }
    const written = await writePackage(pool, reader, content, manifest.version, options.writeRetries).catch(
      (error: unknown) => {
        const reason = describeWriteFailure(error, reader, manifest.version, installed);
        throw new IngestError(name, reason, { cause: error });
      },
    );
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
