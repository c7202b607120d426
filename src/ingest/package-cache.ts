// Local cache of data-package tarballs and their registry metadata, filled once from the real
// registry and served by the fake registry. Layout: <dir>/<package>/<version>.{json,tgz}.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { downloadTarball, fetchPackageManifest, type PackageManifest } from './registry-client.ts';
import { loadIngestConfig, type IngestConfig } from './ingest-config.ts';
import { resolveRegistryOptions, type RegistryOptions } from './registry-options.ts';

/** `packages/` under the drill's cache (DRILL_CACHE_DIR, default ~/.cache/cdtn-recovery-drill). */
export function getPackageCacheDir(config: Pick<IngestConfig, 'cacheDir'> = loadIngestConfig()): string {
  return path.join(config.cacheDir, 'packages');
}

export function getCachedTarballPath(cacheDir: string, packageName: string, version: string): string {
  return path.join(cacheDir, packageName, `${version}.tgz`);
}

function getCachedManifestPath(cacheDir: string, packageName: string, version: string): string {
  return path.join(cacheDir, packageName, `${version}.json`);
}

/** Versions of `packageName` whose metadata and tarball are both cached, ascending. */
export async function getCachedVersions(
  packageName: string,
  cacheDir = getPackageCacheDir(),
): Promise<string[]> {
  const files = await readdir(path.join(cacheDir, packageName)).catch(() => [] as string[]);
  const versions = files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
  const complete = versions.filter((v) => semver.valid(v) && files.includes(`${v}.tgz`));
  return complete.sort(semver.compare);
}

export async function readCachedManifest(
  packageName: string,
  version: string,
  cacheDir = getPackageCacheDir(),
): Promise<PackageManifest | undefined> {
  const text = await readFile(getCachedManifestPath(cacheDir, packageName, version), 'utf8').catch(
    () => undefined,
  );
  return text === undefined ? undefined : (JSON.parse(text) as PackageManifest);
}

async function sha512OfFile(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return `sha512-${hash.digest('base64')}`;
}

export interface CachedPackage {
  name: string;
  version: string;
  tarballPath: string;
  /** true when it was already in the cache (integrity re-checked), false when downloaded now. */
  fromCache: boolean;
}

export interface FillPackageCacheOptions {
  registry?: RegistryOptions;
  cacheDir?: string;
  signal?: AbortSignal;
}

/**
 * Makes sure each package is cached at each requested version (default: `latest`, asked to the
 * registry). Cached tarballs are re-verified against their integrity and downloaded again if corrupt.
 */
export async function fillPackageCache(
  packages: readonly string[],
  versions: Record<string, readonly string[]> = {},
  options: FillPackageCacheOptions = {},
): Promise<CachedPackage[]> {
  const registry = await resolveRegistryOptions(options.registry);
  const cacheDir = options.cacheDir ?? getPackageCacheDir();
  const cached: CachedPackage[] = [];
  for (const name of packages) {
    for (const spec of versions[name] ?? ['latest']) {
      const known = semver.valid(spec) ? await readCachedManifest(name, spec, cacheDir) : undefined;
      const manifest = known ?? (await fetchPackageManifest(name, spec, registry, options.signal));
      const tarballPath = getCachedTarballPath(cacheDir, name, manifest.version);
      const present = await stat(tarballPath).then(
        async () => manifest.dist.integrity.split(/\s+/).includes(await sha512OfFile(tarballPath)),
        () => false,
      );
      if (!present) {
        await mkdir(path.dirname(tarballPath), { recursive: true });
        await rm(tarballPath, { force: true });
        await downloadTarball(manifest, tarballPath, registry, options.signal);
      }
      const { name: manifestName, version, dist } = manifest;
      const slim = {
        name: manifestName,
        version,
        dist: { tarball: dist.tarball, integrity: dist.integrity },
      };
      await writeFile(getCachedManifestPath(cacheDir, name, version), JSON.stringify(slim, null, 2));
      cached.push({ name, version, tarballPath, fromCache: present });
    }
  }
  return cached;
}
