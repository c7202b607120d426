// The two registry requests the ingester makes: a version's metadata (`/<package>/<version|latest>`)
// and its tarball, streamed to disk while its sha512 is checked against `dist.integrity`.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IngestError } from './ingest-error.ts';
import type { ResolvedRegistryOptions } from './registry-options.ts';
import { retryWithBackoff } from '../env/poll-until.ts';

export interface PackageManifest {
  name: string;
  version: string;
  dist: { tarball: string; integrity: string };
}

/** A registry answer worth retrying: 5xx or 429. */
class TransientHttpError extends Error {
  readonly status: number;
  constructor(url: string, status: number) {
    super(`GET ${url} answered ${status}`);
    this.status = status;
  }
}

type AttemptOutcome = { ok: true; result: unknown } | { ok: false; error: unknown };

function isTransient(error: unknown): boolean {
  if (error instanceof TransientHttpError) return true;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return true;
  return error instanceof TypeError; // fetch's network failures
}

function attemptSignal(timeoutMs: number, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([timeout, signal]) : timeout;
}

/** GET with bounded retries on 5xx, 429, network errors and timeouts; any other 4xx fails at once. */
async function getWithRetries(
  packageName: string,
  url: string,
  timeoutMs: number,
  registry: ResolvedRegistryOptions,
  signal: AbortSignal | undefined,
  read: (response: Response) => Promise<unknown>,
): Promise<unknown> {
  const once = async (): Promise<unknown> => {
    const response = await fetch(url, { signal: attemptSignal(timeoutMs, signal) });
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new TransientHttpError(url, response.status);
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new IngestError(packageName, `GET ${url} answered ${response.status}, expected 200`);
    }
    return read(response);
  };
  // The project's one retry helper: a transient failure asks for another attempt, any other is thrown.
  const { value, attempts } = await retryWithBackoff<AttemptOutcome>(
    async () => {
      try {
        return { done: true, value: { ok: true, result: await once() } };
      } catch (error) {
        if (signal?.aborted || !isTransient(error)) throw error;
        return { done: false, value: { ok: false, error } };
      }
    },
    { retries: registry.retries, backoffMs: registry.backoffMs, signal },
  );
  if (value.ok) return value.result;
  const reason = value.error instanceof Error ? value.error.message : String(value.error);
  throw new IngestError(
    packageName,
    `GET ${url} failed ${attempts} times (limit ${registry.retries + 1} attempts, per-attempt timeout ${timeoutMs} ms): ${reason}`,
    { cause: value.error },
  );
}

function getManifestUrl(registryUrl: string, packageName: string, versionOrTag: string): string {
  return `${registryUrl}/${packageName}/${versionOrTag}`;
}

/** Metadata of `packageName` at a version or dist-tag (`latest`). */
export async function fetchPackageManifest(
  packageName: string,
  versionOrTag: string,
  registry: ResolvedRegistryOptions,
  signal?: AbortSignal,
): Promise<PackageManifest> {
  const url = getManifestUrl(registry.url, packageName, versionOrTag);
  const body = await getWithRetries(packageName, url, registry.timeoutMs, registry, signal, (r) => r.text());
  let manifest: Partial<PackageManifest>;
  try {
    manifest = JSON.parse(body as string) as Partial<PackageManifest>;
  } catch (error) {
    throw new IngestError(packageName, `GET ${url} did not answer valid JSON`, { cause: error });
  }
  if (typeof manifest.version !== 'string' || !manifest.dist?.tarball || !manifest.dist.integrity) {
    throw new IngestError(
      packageName,
      `GET ${url}: expected version, dist.tarball and dist.integrity, found none`,
    );
  }
  return manifest as PackageManifest;
}

/** When each version of a package was published, and its `latest` dist-tag (the packument). */
export interface PublishHistory {
  latest: string;
  published: Record<string, Date>;
}

export async function fetchPublishHistory(
  packageName: string,
  registry: ResolvedRegistryOptions,
  signal?: AbortSignal,
): Promise<PublishHistory> {
  const url = `${registry.url}/${packageName}`;
  const body = await getWithRetries(packageName, url, registry.timeoutMs, registry, signal, (r) => r.text());
  let packument: { 'dist-tags'?: { latest?: string }; time?: Record<string, string> };
  try {
    packument = JSON.parse(body as string) as typeof packument;
  } catch (error) {
    throw new IngestError(packageName, `GET ${url} did not answer valid JSON`, { cause: error });
  }
  const latest = packument['dist-tags']?.latest;
  if (latest === undefined || packument.time === undefined) {
    throw new IngestError(packageName, `GET ${url}: expected dist-tags.latest and time, found none`);
  }
  const published = Object.fromEntries(
    Object.entries(packument.time)
      .filter(([version]) => version !== 'created' && version !== 'modified')
      .map(([version, time]) => [version, new Date(time)]),
  );
  return { latest, published };
}

/** The base64 sha512 digests an SRI string allows (`sha512-…`, space separated). */
function sha512Digests(integrity: string): string[] {
  return integrity
    .split(/\s+/)
    .filter((entry) => entry.startsWith('sha512-'))
    .map((entry) => entry.slice('sha512-'.length).split('?')[0] ?? '');
}

/** Downloads the manifest's tarball to `destination`, verified; nothing is left there on failure. */
export async function downloadTarball(
  manifest: PackageManifest,
  destination: string,
  registry: ResolvedRegistryOptions,
  signal?: AbortSignal,
): Promise<void> {
  const { name, version, dist } = manifest;
  const expected = sha512Digests(dist.integrity);
  if (expected.length === 0) {
    throw new IngestError(name, `${version}: dist.integrity "${dist.integrity}" has no sha512 digest`);
  }
  const partial = `${destination}.${process.pid}.part`;
  const found = (await getWithRetries(
    name,
    dist.tarball,
    registry.downloadTimeoutMs,
    registry,
    signal,
    async (r) => {
      const hash = createHash('sha512');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(Readable.fromWeb(r.body as never), hashing, createWriteStream(partial));
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return hash.digest('base64');
    },
  )) as string;
  if (!expected.includes(found)) {
    await rm(partial, { force: true });
    throw new IngestError(
      name,
      `integrity mismatch for ${dist.tarball}: expected sha512-${expected[0]}, found sha512-${found}`,
    );
  }
  await rename(partial, destination);
}
