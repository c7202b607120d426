// What an export publishes after an ingestion that failed midway (cdtn-admin's ingester has no
// transaction: targets/ingester/src/cli.ts): the source's documents not yet re-upserted are
// unavailable, so the export indexes a truncated source, and its own expectations (src/spec, which
// follow the database) agree. Only tt3's upstream-defect finding says so.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliasName, countIndexBySource, exportToSearch } from '../../src/export/index.ts';
import { describePartlyUnavailable, getAvailableCounts, ingestPackages } from '../../src/ingest/index.ts';
import { expectDocuments } from '../../src/spec/index.ts';
import { handmadeFiche, serveHandmadeFiches, FICHES } from '../ingest/handmade-fiches.ts';
import { useIngestTestWorld } from '../ingest/ingest-test-world.ts';
import { startTestSearchEngine, type TestSearchEngine } from '../search/index.ts';

const SOURCE = 'page_fiche_ministere_travail';
const USER_ID = randomUUID();
// upstream's deleteOldIndex reads `<word>-<digits>` in names: no digit after the dash
const prefix = `cdtn-test-x${randomUUID().slice(0, 8)}`;
const ids = Array.from({ length: 600 }, (_, i) => `fiche-${String(i).padStart(3, '0')}`);
const fichesOf = (version: string) =>
  JSON.stringify(ids.map((id) => handmadeFiche(id, `${id} en ${version}`)));

const world = useIngestTestWorld();
let engine: TestSearchEngine;
let pool: pg.Pool;
let availableBefore: Record<string, number>;

const ingest = () =>
  ingestPackages(pool, {
    packages: [FICHES],
    registry: { url: world.registry.registryUrl, retries: 0, backoffMs: 5, timeoutMs: 2_000 },
    writeRetries: { retries: 0, backoffMs: 5 },
  });

beforeAll(async () => {
  pool = await world.database.createDatabase();
  await pool.query(
    `INSERT INTO auth.users (id, email, name, role) VALUES ($1, 'drill@example.org', 'Drill', 'super')`,
    [USER_ID],
  );
  await serveHandmadeFiches(world.registry, fichesOf('1.0.0'), '1.0.0');
  await ingest();
  availableBefore = await getAvailableCounts(pool);
  await serveHandmadeFiches(world.registry, fichesOf('2.0.0'), '2.0.0');
  await pool.query(`
    CREATE FUNCTION fail_fiche() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'fiche-060 refused in this test'; END $$;
    CREATE TRIGGER fail_fiche BEFORE UPDATE ON documents FOR EACH ROW
      WHEN (NEW.initial_id = 'fiche-060' AND NEW.is_available) EXECUTE FUNCTION fail_fiche();`);
  await expect(ingest()).rejects.toThrow('failed at chunk 2');
  world.closeRegistry();
  engine = await startTestSearchEngine();
}, 300_000);

afterAll(async () => {
  for (const index of await engine.engine.listIndices(`${prefix}_*`)) await engine.engine.deleteIndex(index);
  await engine?.[Symbol.asyncDispose]();
});

describe('an export after an ingestion that failed midway', () => {
  it('publishes the truncated source, and the expectations from the database agree: only the finding tells', async () => {
    const result = await exportToSearch(
      { pool, search: engine.engine },
      { environment: 'preproduction', userId: USER_ID, prefix },
    );
    const indexed = await countIndexBySource(engine.engine, aliasName(prefix, 'documents'));
    expect(indexed[SOURCE]).toBe(450);
    expect(result.documentsCount[SOURCE]).toBe(450);
    expect((await expectDocuments(pool)).index[SOURCE]).toBe(450);
    expect(describePartlyUnavailable(availableBefore, await getAvailableCounts(pool))).toHaveLength(1);
  });
});
