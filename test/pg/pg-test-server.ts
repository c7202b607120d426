// One throwaway PostgreSQL per test file, with a fresh database per test and the backup fixture.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  buildBackupFixture,
  startThrowawayPostgres,
  withClient,
  type BackupFixture,
  type ThrowawayPostgres,
} from '../../src/pg/index.ts';

export interface TestDatabase {
  name: string;
  connectionString: string;
  /** Ended by close(). */
  pool: pg.Pool;
}

export interface PgTestServer {
  server: ThrowawayPostgres;
  fixture: BackupFixture;
  /** A scratch directory for altered dumps and manifests. */
  dir: string;
  /** Creates a database, empty or a copy of `template` (which must have no open session). */
  createDatabase(template?: string): Promise<TestDatabase>;
  close(): Promise<void>;
}

export async function startPgTestServer(): Promise<PgTestServer> {
  const fixture = await buildBackupFixture();
  const server = await startThrowawayPostgres();
  const dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-test-'));
  const pools: pg.Pool[] = [];
  let next = 0;
  return {
    server,
    fixture,
    dir,
    async createDatabase(template) {
      const name = `restore_${process.pid}_${next++}`;
      const from = template ? ` TEMPLATE ${template}` : '';
      await withClient(server.connectionString, (client) => client.query(`CREATE DATABASE ${name}${from}`));
      const url = new URL(server.connectionString);
      url.pathname = `/${name}`;
      const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
      pools.push(pool);
      return { name, connectionString: url.toString(), pool };
    },
    async close() {
      // The server is stopped and the scratch files removed even when a pool fails to end.
      try {
        await Promise.all(pools.filter((pool) => !pool.ended).map((pool) => pool.end()));
      } finally {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A copy of the fixture dump cut to `fraction` of its length. */
export async function writeTruncatedDump(source: string, target: string, fraction: number): Promise<void> {
  const bytes = await readFile(source);
  await writeFile(target, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/** A copy of the fixture dump with `count` bytes inverted in its middle. */
export async function writeFlippedDump(source: string, target: string, count = 64): Promise<void> {
  await copyFile(source, target);
  const bytes = await readFile(target);
  const middle = Math.floor(bytes.length / 2);
  for (let i = middle; i < middle + count; i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  await writeFile(target, bytes);
}
