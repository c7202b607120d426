// The npm registry of a production-like cluster run, over real HTTP for the CLI process: the fake
// registry's handlers (package cache, `latest` pinned) behind a node:http server on 127.0.0.1.
import { createRegistryHandlers, fillPackageCache } from '../ingest/index.ts';
import { startHandlerServer, type HandlerServer } from './handler-server.ts';

const HOUR = 3_600_000;

/**
 * Serves `latest` as the given versions, cached first (downloaded once if the cache lacks them).
 * The packument says each was published `publishedHoursAgo` ago (the cache keeps no publish times).
 */
export async function startRegistryServer(
  latest: Record<string, string>,
  publishedHoursAgo: number,
): Promise<HandlerServer> {
  const versions = Object.fromEntries(Object.entries(latest).map(([name, version]) => [name, [version]]));
  await fillPackageCache(Object.keys(latest), versions);
  const at = new Date(Date.now() - publishedHoursAgo * HOUR);
  const published = Object.fromEntries(
    Object.entries(latest).map(([name, version]) => [name, { [version]: at }]),
  );
  return startHandlerServer({
    handlers: (url) => createRegistryHandlers({ registryUrl: url, latest, published }),
  });
}
