// A private PostgreSQL server for one job (building the fixture, computing a manifest): the host's
// PostgreSQL binaries in a temporary directory, on a free port, stopped by PID. No container is
// needed, so `cdtn-drill manifest` works on any machine that has pg_restore.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, chown } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import pg from 'pg';
import { readDrillVariables } from '../config/index.ts';
import { getFreePort } from '../env/get-free-port.ts';
import { pollUntil } from '../env/poll-until.ts';

export interface ThrowawayPostgres extends AsyncDisposable {
  readonly connectionString: string;
  readonly port: number;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const READY_TIMEOUT_MS = 30_000;
const SMART_SHUTDOWN_MS = 5_000;

/** Directory of initdb/postgres: DRILL_PG_BINDIR, else `pg_config --bindir`. */
async function getPgBinDir(): Promise<string> {
  const configured = readDrillVariables().DRILL_PG_BINDIR;
  if (configured) return configured;
  const { stdout } = await execa('pg_config', ['--bindir']);
  return stdout.trim();
}

export async function startThrowawayPostgres(database = 'cdtn-admin'): Promise<ThrowawayPostgres> {
  const binDir = await getPgBinDir();
  const dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-pg-'));
  // initdb refuses root: run the server as the `postgres` system user when we are root.
  const asUser = userInfo().uid === 0 ? await getSystemUser(SUPERUSER) : undefined;
  if (asUser) await chown(dir, asUser.uid, asUser.gid);
  const dataDir = join(dir, 'data');
  let child: ChildProcess | undefined;
  const stop = async (): Promise<void> => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      // Smart shutdown lets closing clients finish (a fast one would send them errors);
      // a session still open after the grace period is ended by a fast shutdown.
      child.kill('SIGTERM');
      const grace = setTimeout(() => child?.kill('SIGINT'), SMART_SHUTDOWN_MS);
      await exited;
      clearTimeout(grace);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await execa(
      join(binDir, 'initdb'),
      ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-sync'],
      asUser ?? {},
    );
    const port = await getFreePort();
    child = spawn(
      join(binDir, 'postgres'),
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-k',
        dir,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      { stdio: 'ignore', ...asUser },
    );
    // A test runner that exits without calling stop() must not leave the server behind.
    const stopOnExit = (): void => {
      child?.kill('SIGINT');
      rmSync(dir, { recursive: true, force: true });
    };
    process.once('exit', stopOnExit);
    child.once('exit', () => process.off('exit', stopOnExit));
    const admin = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
    await waitUntilReady(admin, child);
    await withClient(admin, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`));
    const connectionString = `postgres://${SUPERUSER}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    return { connectionString, port, stop, [Symbol.asyncDispose]: stop };
  } catch (error) {
    await stop();
    throw new Error(`throwaway PostgreSQL (${binDir}) did not start: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

async function getSystemUser(name: string): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    execa('id', ['-u', name]),
    execa('id', ['-g', name]),
  ]);
  return { uid: Number(uid), gid: Number(gid) };
}

class PostgresExited extends Error {}

async function waitUntilReady(connectionString: string, child: ChildProcess): Promise<void> {
  await pollUntil(
    async () => {
      if (child.exitCode !== null) throw new PostgresExited(`postgres exited with code ${child.exitCode}`);
      await withClient(connectionString, (c) => c.query('SELECT 1'));
    },
    {
      timeoutMs: READY_TIMEOUT_MS,
      intervalMs: 100,
      // Waiting cannot revive a server that exited.
      isRetryable: (error) => !(error instanceof PostgresExited),
      onTimeout: (last) => new Error(`not ready after ${READY_TIMEOUT_MS}ms`, { cause: last }),
    },
  );
}

/** One client for `use`, on a postgres:// URL or full client settings (TLS), always ended. */
export async function withClient<T>(
  connection: string | pg.ClientConfig,
  use: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client(
    typeof connection === 'string' ? { connectionString: connection } : connection,
  );
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
