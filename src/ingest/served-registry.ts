// The fake registry of the ephemeral drill, ready to serve: the cache filled with the versions to
// serve as latest (pinned by DRILL_INGEST_LATEST, else the real registry's latest; offline, the
// highest cached version, with a warning), and the msw handlers that serve them at an address of
// their own. Not at the real registry's: undici reuses the connections the cache filling opened to
// it, and msw cannot intercept those, so the ingester would silently reach the real registry.
import type { HttpHandler } from 'msw';
import { DATA_PACKAGES } from './data-packages.ts';
import { createRegistryHandlers, getServedLatestVersion } from './fake-registry.ts';
import type { IngestConfig } from './ingest-config.ts';
import { fillPackageCache, getPackageCacheDir } from './package-cache.ts';
import type { RegistryOptions } from './registry-options.ts';

/** Where the served registry answers: a reserved name (RFC 2606) that no resolver knows. */
export const SERVED_REGISTRY_URL = 'http://npm-registry.drill.invalid';

export interface ServedRegistry {
  registryUrl: string;
  cacheDir: string;
  /** The version each package's `latest` answers. */
  latest: Record<string, string>;
  handlers: HttpHandler[];
  warnings: string[];
}

export async function prepareServedRegistry(
  config: Pick<IngestConfig, 'cacheDir' | 'latest'>,
  options: { registry?: RegistryOptions; signal?: AbortSignal } = {},
): Promise<ServedRegistry> {
  const registryUrl = SERVED_REGISTRY_URL;
  const cacheDir = getPackageCacheDir(config);
  const warnings: string[] = [];
  const latest: Record<string, string> = {};
  for (const name of DATA_PACKAGES) {
    const pinned = config.latest[name];
    try {
      const [cached] = await fillPackageCache(
        [name],
        { [name]: [pinned ?? 'latest'] },
        { cacheDir, ...options },
      );
      latest[name] = cached!.version;
    } catch (error) {
      const fallback = pinned ? undefined : await getServedLatestVersion(name, { cacheDir });
      if (!fallback) throw error;
      warnings.push(
        `tt3: ${name}: the registry's latest could not be read (${(error as Error).message}); serving ${fallback}, the highest cached version`,
      );
      latest[name] = fallback;
    }
  }
  return {
    registryUrl,
    cacheDir,
    latest,
    handlers: createRegistryHandlers({ registryUrl, cacheDir, latest }),
    warnings,
  };
}
