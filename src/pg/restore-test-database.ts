// Where a cluster's restore test restores: a scratch database created on the live server, named
// after the run so that the CLI can drop it even when the drill died, or a throwaway PostgreSQL
// on this machine. Either is removed when the test is done; the live database is never written.
import pg from 'pg';
import type { PgEndpoint } from '../env/drill-env.ts';
import { toPgClientConfig } from '../env/pg-client-config.ts';
import type { RestoreTestServer } from './restore-config.ts';
import { RestoreError } from './restore-error.ts';
import { startThrowawayPostgres, withClient } from './throwaway-postgres.ts';

export interface RestoreTestDatabase extends AsyncDisposable {
  /** `host/database`, for messages and the report. */
  name: string;
  /** postgres:// URL of the scratch database, for pg_restore. */
  connectionString: string;
  pool: pg.Pool;
  /** Closes the pool and drops the database (or stops the throwaway server). */
  dispose(): Promise<void>;
}

const IDENTIFIER_MAX = 63;

/** cdtn_admin_drill_<run id>, lower case, as PostgreSQL keeps an unquoted identifier. */
export function scratchDatabaseName(runId: string): string {
  return `cdtn_admin_drill_${runId.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, IDENTIFIER_MAX);
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function onLiveServer<T>(live: PgEndpoint, use: (client: pg.Client) => Promise<T>): Promise<T> {
  return withClient(toPgClientConfig(live), use);
}

/** Drops the run's scratch database if it is still there; true when it was. */
export async function dropScratchDatabase(live: PgEndpoint, runId: string): Promise<boolean> {
  const name = scratchDatabaseName(runId);
  return onLiveServer(live, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) return false;
    await client.query(`DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    return true;
  });
}

async function openScratchDatabase(live: PgEndpoint, runId: string): Promise<RestoreTestDatabase> {
  const database = scratchDatabaseName(runId);
  const name = `${live.host}/${database}`;
  await onLiveServer(live, (client) =>
    client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`),
  ).catch((error: unknown) => {
    throw new RestoreError(
      `the restore test cannot create its scratch database ${name}: ${(error as Error).message}; ` +
        'grant CREATEDB to the drill user, or restore into a throwaway server (--restore-test throwaway)',
      { cause: error },
    );
  });
  const pool = new pg.Pool(toPgClientConfig({ ...live, database }));
  pool.on('error', () => undefined); // idle clients ended by the DROP below
  const dispose = async (): Promise<void> => {
    await pool.end();
    await dropScratchDatabase(live, runId);
  };
  return {
    name,
    connectionString: withDatabase(live.connectionString, database),
    pool,
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

async function openThrowawayDatabase(runId: string): Promise<RestoreTestDatabase> {
  const database = scratchDatabaseName(runId);
  const server = await startThrowawayPostgres(database);
  const pool = new pg.Pool({ connectionString: server.connectionString });
  const dispose = async (): Promise<void> => {
    await pool.end();
    await server.stop();
  };
  return {
    name: `throwaway 127.0.0.1:${server.port}/${database}`,
    connectionString: server.connectionString,
    pool,
    dispose,
    [Symbol.asyncDispose]: dispose,
  };
}

export function openRestoreTestDatabase(
  server: RestoreTestServer,
  live: PgEndpoint,
  runId: string,
): Promise<RestoreTestDatabase> {
  return server === 'same-server' ? openScratchDatabase(live, runId) : openThrowawayDatabase(runId);
}
