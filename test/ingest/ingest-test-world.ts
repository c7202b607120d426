// What an ingester test file shares: the fake registry (serving OLDER as latest at first) and one
// throwaway PostgreSQL, started before its tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';
import { OLDER, startFakeRegistry, type FakeRegistry } from './fake-registry-server.ts';
import { startIngestTestServer, type IngestTestServer } from './ingest-test-database.ts';

export interface IngestTestWorld {
  registry: FakeRegistry;
  database: IngestTestServer;
}

export function useIngestTestWorld(): IngestTestWorld {
  const world = {} as IngestTestWorld;
  beforeAll(async () => {
    world.registry = await startFakeRegistry(OLDER);
    world.database = await startIngestTestServer();
  });
  afterAll(async () => {
    await world.database?.stop();
    world.registry?.server.close();
  });
  return world;
}
