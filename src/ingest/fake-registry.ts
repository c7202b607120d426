// msw handlers that play the npm registry for the ephemeral drill: `/<package>/<version|latest>`,
// `/<package>/-/<file>.tgz` and the packument `/<package>`, answered from the local package cache
// at the base URL the caller gives (the served registry's reserved host, served-registry.ts); the
// code under test only takes that URL. `latest` is pinned per package (default: the highest cached
// version); publish times are the caller's (the cache keeps none).
import { readFile } from 'node:fs/promises';
import { http, HttpResponse, type HttpHandler } from 'msw';
import semver from 'semver';
import {
  getCachedTarballPath,
  getCachedVersions,
  getPackageCacheDir,
  readCachedManifest,
} from './package-cache.ts';
import type { PackageManifest } from './registry-client.ts';

export interface RegistryHandlersOptions {
  /** Registry base URL to answer at. */
  registryUrl: string;
  cacheDir?: string;
  /** The version `latest` answers, per package; default: the highest cached version. */
  latest?: Record<string, string>;
  /** The packument's `time`: when each version was published, per package (default: none given). */
  published?: Record<string, Record<string, Date>>;
}

/** The version the fake registry answers for `<package>/latest`, or undefined if none is cached. */
export async function getServedLatestVersion(
  packageName: string,
  options: Omit<RegistryHandlersOptions, 'registryUrl'> = {},
): Promise<string | undefined> {
  return options.latest?.[packageName] ?? (await getCachedVersions(packageName, options.cacheDir)).at(-1);
}

const notFound = () => HttpResponse.json({ error: 'Not found' }, { status: 404 });

export function createRegistryHandlers(options: RegistryHandlersOptions): HttpHandler[] {
  const base = options.registryUrl.replace(/\/+$/, '');
  const cacheDir = options.cacheDir ?? getPackageCacheDir();
  /** A cached manifest as this registry serves it: its tarball at this registry. */
  const served = (manifest: PackageManifest) => {
    const file = `${manifest.name.split('/').at(-1)}-${manifest.version}.tgz`;
    return { ...manifest, dist: { ...manifest.dist, tarball: `${base}/${manifest.name}/-/${file}` } };
  };

  return [
    http.get(`${base}/:scope/:name/-/:file`, async ({ params }) => {
      const name = `${String(params.scope)}/${String(params.name)}`;
      const prefix = `${String(params.name)}-`;
      const file = String(params.file);
      const version = file.startsWith(prefix) && file.endsWith('.tgz') ? file.slice(prefix.length, -4) : '';
      if (!semver.valid(version)) return notFound();
      const bytes = await readFile(getCachedTarballPath(cacheDir, name, version)).catch(() => undefined);
      if (!bytes) return notFound();
      return new HttpResponse(bytes, {
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) },
      });
    }),
    http.get(`${base}/:scope/:name/:spec`, async ({ params }) => {
      const name = `${String(params.scope)}/${String(params.name)}`;
      const spec = String(params.spec);
      const version = spec === 'latest' ? await getServedLatestVersion(name, { ...options, cacheDir }) : spec;
      const manifest = version ? await readCachedManifest(name, version, cacheDir) : undefined;
      if (!manifest) return notFound();
      return HttpResponse.json(served(manifest));
    }),
    // The packument: dist-tags.latest, every cached version, and the publish times given.
    http.get(`${base}/:scope/:name`, async ({ params }) => {
      const name = `${String(params.scope)}/${String(params.name)}`;
      const latest = await getServedLatestVersion(name, { ...options, cacheDir });
      if (latest === undefined) return notFound();
      const versions: Record<string, unknown> = {};
      for (const version of await getCachedVersions(name, cacheDir)) {
        const manifest = await readCachedManifest(name, version, cacheDir);
        if (manifest) versions[version] = served(manifest);
      }
      const published = Object.entries(options.published?.[name] ?? {});
      const time = Object.fromEntries(published.map(([version, at]) => [version, at.toISOString()]));
      return HttpResponse.json({ name, 'dist-tags': { latest }, versions, time });
    }),
  ];
}
