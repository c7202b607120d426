// PostgreSQL and the search engine as production holds them on a healthy morning: a database owned
// by an application role (not a superuser), the backup fixture restored into it as it is
// (production is not anonymised: no post-restore), the newer data packages ingested by the
// reference ingester from the given registry, in the engine the caller starts, both environments exported by the reference export
// service (so every alias is on one complete index), and last night's backup of that database
// (pg_dump -Fc) with its manifest, as the team records them.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import pg from 'pg';
import { startExportService, triggerExport, waitForExport, type PostStepsConfig } from '../export/index.ts';
import { ingestPackages } from '../ingest/index.ts';
import {
  buildBackupFixture,
  createManifest,
  getPgEnv,
  restoreBackup,
  startThrowawayPostgres,
  withClient,
} from '../pg/index.ts';
import type { SearchEngine } from '../search/index.ts';
import { startAll, type Stoppable } from './start-all.ts';

/** A real search engine, started by the caller's means (a host process, a container). */
export interface StartedSearchEngine {
  url: string;
  engine: SearchEngine;
  stop(): PromiseLike<void>;
}

export interface ProductionDataOptions {
  registryUrl: string;
  /** Last night's exports ran their post-steps there, as production's do. */
  postSteps: PostStepsConfig;
  startSearchEngine: () => Promise<StartedSearchEngine>;
  log: (line: string) => void;
}

export interface ProductionData extends Stoppable {
  databaseUrl: string;
  searchUrl: string;
  exportUrl: string;
  /** An active administrator of the admin, who triggers exports (production has no drill admin). */
  adminUserId: string;
  /** Last night's backup of the database and its manifest. */
  backup: { dumpPath: string; manifestPath: string };
}

const EXPORT_TIMEOUT_MS = 300_000;
const OWNER = 'cdtn_admin';

export function startProductionData(options: ProductionDataOptions): Promise<ProductionData> {
  const { registryUrl, log } = options;
  return startAll(async (onStop) => {
    const fixture = await buildBackupFixture({ log });
    const server = await startThrowawayPostgres(fixture.manifest.dump.database);
    onStop(() => server.stop());
    const databaseUrl = await handToOwner(server.connectionString);
    log(`restoring ${fixture.dumpPath} as the database's owner (no post-restore)`);
    await restoreBackup({ dumpPath: fixture.dumpPath, connectionString: databaseUrl });
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    // Ctrl-C reaches the whole process group, the server too: an idle client's error must not end
    // the process before its teardown (the step in progress fails instead)
    pool.on('error', (error) => log(`PostgreSQL: ${error.message}`));
    onStop(() => pool.end());
    log(`ingesting the registry's latest packages from ${registryUrl}`);
    await ingestPackages(pool, { registry: { url: registryUrl } });

    log('starting the search engine');
    const search = await options.startSearchEngine();
    onStop(() => search.stop());
    const exporter = await startExportService({ pool, search: search.engine, postSteps: options.postSteps });
    onStop(() => exporter.close());
    const userId = await findAdministrator(pool);
    for (const environment of ['preproduction', 'production'] as const) {
      log(`exporting ${environment}`);
      const trigger = await triggerExport(exporter.url, environment, userId);
      await waitForExport(exporter.url, environment, {
        timeoutMs: EXPORT_TIMEOUT_MS,
        pollMs: 500,
        since: trigger.previous,
      });
    }

    const dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-nightly-'));
    onStop(() => rm(dir, { recursive: true, force: true }));
    const dumpPath = join(dir, 'cdtn-admin.dump');
    log(`pg_dump -Fc → ${dumpPath}`);
    // TZ=UTC: the archive records its creation time without a zone; the manifest reads it as UTC.
    await execa('pg_dump', ['-Fc', `--file=${dumpPath}`], {
      env: { ...getPgEnv(databaseUrl), TZ: 'UTC' },
    });
    log('making its manifest');
    const { path: manifestPath } = await createManifest(dumpPath);
    return {
      databaseUrl,
      searchUrl: search.url,
      exportUrl: exporter.url,
      adminUserId: userId,
      backup: { dumpPath, manifestPath },
    };
  });
}

/**
 * A managed PostgreSQL gives the application a role that owns its database and may create others
 * (the restore test's scratch database), not a superuser: the database is handed to such a role,
 * with a password, and everything after is done as it. Returns its connection URL.
 */
async function handToOwner(superuserUrl: string): Promise<string> {
  const url = new URL(superuserUrl);
  const database = decodeURIComponent(url.pathname.slice(1));
  const password = randomBytes(12).toString('hex');
  await withClient(superuserUrl, async (client) => {
    await client.query(`CREATE ROLE ${OWNER} LOGIN CREATEDB PASSWORD ${pg.escapeLiteral(password)}`);
    await client.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} OWNER TO ${OWNER}`);
  });
  url.username = OWNER;
  url.password = password;
  return url.href;
}

/** The export is triggered by an administrator of the admin, as in production. */
async function findAdministrator(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    "SELECT id FROM auth.users WHERE role = 'super' AND is_active AND NOT is_deleted ORDER BY created_at LIMIT 1",
  );
  if (rows[0] === undefined) throw new Error('test set-up: the restored backup has no active super user');
  return rows[0].id;
}
