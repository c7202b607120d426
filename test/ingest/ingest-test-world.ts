// What an ingester test file shares: the fake registry (serving OLDER as latest at first) and one
// throwaway PostgreSQL, started before its tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { OLDER, startFakeRegistry, type FakeRegistry } from './fake-registry-server.ts';
import { startIngestTestServer, type IngestTestServer } from './ingest-test-database.ts';

export interface IngestTestWorld {
  registry: FakeRegistry;
  database: IngestTestServer;
  /** Stops msw before the end (it would also catch a search engine's requests); once only. */
  closeRegistry(): void;
}

export function useIngestTestWorld(): IngestTestWorld {
  let open = false;
  const world = {
    closeRegistry() {
      if (open) world.registry.server.close();
      open = false;
    },
  } as IngestTestWorld;
  beforeAll(async () => {
    world.registry = await startFakeRegistry(OLDER);
    open = true;
    world.database = await startIngestTestServer();
  });
  afterAll(async () => {
    await world.database?.stop();
    world.closeRegistry();
  });
  return world;
}
