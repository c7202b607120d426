// The reference ingester writes a package as cdtn-admin's does (targets/ingester/src/cli.ts): the
// source marked unavailable, then chunks of 50 documents ten at a time, then package_version; no
// transaction, so a failure midway leaves the source partly unavailable under the old version.
import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  describePartlyUnavailable,
  fingerprintSources,
  getAvailableCounts,
  getPackageVersions,
  ingestPackages,
} from '../../src/ingest/index.ts';
import { FICHES, handmadeFiche, serveHandmadeFiches } from './handmade-fiches.ts';
import { useIngestTestWorld } from './ingest-test-world.ts';

const SOURCE = 'page_fiche_ministere_travail';
/** 600 fiches: 12 chunks of 50, written as a batch of 10 chunks then a batch of 2. */
const FICHE_COUNT = 600;
const ids = Array.from({ length: FICHE_COUNT }, (_, i) => `fiche-${String(i).padStart(3, '0')}`);
const fichesOf = (version: string) =>
  JSON.stringify(ids.map((id) => handmadeFiche(id, `${id} en ${version}`)));

const world = useIngestTestWorld();
let pool: pg.Pool;

const ingestFiches = () =>
  ingestPackages(pool, {
    packages: [FICHES],
    registry: { url: world.registry.registryUrl, retries: 0, backoffMs: 5, timeoutMs: 2_000 },
    writeRetries: { retries: 1, backoffMs: 5 },
  });

async function titlesAndAvailability(initialIds: string[]) {
  const { rows } = await pool.query<{ initial_id: string; title: string; is_available: boolean }>(
    'SELECT initial_id, title, is_available FROM documents WHERE source = $1 AND initial_id = ANY($2) ORDER BY initial_id',
    [SOURCE, initialIds],
  );
  return rows.map((r) => [r.initial_id, r.title, r.is_available]);
}

beforeEach(async () => {
  pool = await world.database.createDatabase();
  await serveHandmadeFiches(world.registry, fichesOf('1.0.0'), '1.0.0');
  await ingestFiches();
  expect(await getAvailableCounts(pool)).toEqual({ [SOURCE]: FICHE_COUNT });
  await serveHandmadeFiches(world.registry, fichesOf('2.0.0'), '2.0.0');
});

describe('the order of a package write', () => {
  it('marks the source unavailable, upserts chunk after chunk, then writes package_version', async () => {
    await pool.query(`
      CREATE TABLE write_log (n serial, operation text);
      CREATE FUNCTION log_unavailable() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO write_log (operation) VALUES ('unavailable'); RETURN NULL; END $$;
      CREATE FUNCTION log_statement() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO write_log (operation) VALUES (TG_ARGV[0]); RETURN NULL; END $$;
      CREATE TRIGGER log_unavailable AFTER UPDATE ON documents FOR EACH ROW
        WHEN (OLD.is_available AND NOT NEW.is_available) EXECUTE FUNCTION log_unavailable();
      CREATE TRIGGER log_upsert AFTER INSERT ON documents FOR EACH STATEMENT EXECUTE FUNCTION log_statement('upsert');
      -- an INSERT … ON CONFLICT fires the statement-level INSERT trigger whether it inserts or updates
      CREATE TRIGGER log_version AFTER INSERT ON package_version FOR EACH STATEMENT
        EXECUTE FUNCTION log_statement('version');`);
    await ingestFiches();
    const { rows } = await pool.query<{ operation: string; count: number }>(`
      SELECT operation, count(*)::int AS count FROM (
        SELECT operation, n - row_number() OVER (PARTITION BY operation ORDER BY n) AS run FROM write_log
      ) runs GROUP BY operation, run ORDER BY min(run)`);
    expect(rows).toEqual([
      { operation: 'unavailable', count: FICHE_COUNT },
      { operation: 'upsert', count: 12 },
      { operation: 'version', count: 1 },
    ]);
  });
});

describe('a failure midway', () => {
  beforeEach(async () => {
    // fiche-060 is in the second chunk: the first batch's nine other chunks land, the second batch never starts
    await pool.query(`
      CREATE FUNCTION fail_fiche() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'fiche-060 refused in this test'; END $$;
      CREATE TRIGGER fail_fiche BEFORE UPDATE ON documents FOR EACH ROW
        WHEN (NEW.initial_id = 'fiche-060' AND NEW.is_available) EXECUTE FUNCTION fail_fiche();`);
  });

  it('leaves the source partly unavailable under the previous package_version, and says so', async () => {
    await expect(ingestFiches()).rejects.toThrow(
      `tt3: ${FICHES}: writing 2.0.0 failed at chunk 2 (fiche-060 refused in this test) after 450 of 600 documents: ` +
        `${SOURCE} is left partly unavailable and package_version stays 1.0.0, as cdtn-admin's ingester leaves it`,
    );
    expect(await getAvailableCounts(pool)).toEqual({ [SOURCE]: 450 });
    expect(await getPackageVersions(pool)).toEqual({ [FICHES]: '1.0.0' });
    expect(describePartlyUnavailable({ [SOURCE]: FICHE_COUNT }, await getAvailableCounts(pool))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^upstream defect: the ingestion failed midway and left ${SOURCE} with 450 of 600 documents available .*an export now publishes a truncated index`,
        ),
      ),
    ]);
    expect(await titlesAndAvailability(['fiche-000', 'fiche-060', 'fiche-100', 'fiche-550'])).toEqual([
      ['fiche-000', 'fiche-000 en 2.0.0', true],
      ['fiche-060', 'fiche-060 en 1.0.0', false],
      ['fiche-100', 'fiche-100 en 2.0.0', true],
      ['fiche-550', 'fiche-550 en 1.0.0', false],
    ]);
  });

  it('is mended by the next run, which finds the old version and writes the package again', async () => {
    await expect(ingestFiches()).rejects.toThrow('failed at chunk 2');
    await pool.query('DROP TRIGGER fail_fiche ON documents');
    const [result] = await ingestFiches();
    expect(result).toMatchObject({
      fromVersion: '1.0.0',
      toVersion: '2.0.0',
      documentsUpserted: FICHE_COUNT,
    });
    expect(await getAvailableCounts(pool)).toEqual({ [SOURCE]: FICHE_COUNT });
  });
});

describe('other failures and the empty package', () => {
  it('keeps the documents written when package_version cannot be written: nothing is rolled back', async () => {
    await pool.query(`
      CREATE FUNCTION fail_version_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'package_version is read-only in this test'; END $$;
      CREATE TRIGGER fail_version_update BEFORE UPDATE ON package_version FOR EACH ROW EXECUTE FUNCTION fail_version_update();`);
    await expect(ingestFiches()).rejects.toThrow(
      `tt3: ${FICHES}: writing 2.0.0 failed: package_version is read-only in this test; nothing is rolled back, ` +
        `package_version stays 1.0.0, as cdtn-admin's ingester leaves it`,
    );
    expect(await getPackageVersions(pool)).toEqual({ [FICHES]: '1.0.0' });
    expect(await titlesAndAvailability(['fiche-599'])).toEqual([['fiche-599', 'fiche-599 en 2.0.0', true]]);
  });

  it('writes nothing for a package without documents, not even package_version, and says why', async () => {
    const before = await fingerprintSources(pool);
    await serveHandmadeFiches(world.registry, '[]', '3.0.0');
    const [result] = await ingestFiches();
    expect(result).toMatchObject({
      fromVersion: '1.0.0',
      toVersion: '3.0.0',
      skipped: 'empty-package',
      skippedReason:
        '3.0.0 has no documents: cdtn-admin writes nothing, not even package_version, and downloads it again next run',
    });
    expect(await fingerprintSources(pool)).toEqual(before);
    expect(await getPackageVersions(pool)).toEqual({ [FICHES]: '1.0.0' });
  });
});
