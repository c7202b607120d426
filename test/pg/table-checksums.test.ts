// Checksums mean the same whatever the insertion order or the session's settings, and change with
// any row; the schema refuses to be applied twice.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applySchema,
  getTableStats,
  listTables,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../../src/pg/index.ts';

let server: ThrowawayPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  server = await startThrowawayPostgres();
  pool = new pg.Pool({ connectionString: server.connectionString, max: 2 });
  await pool.query(`
    CREATE TABLE a (id int PRIMARY KEY, at timestamptz, v jsonb);
    CREATE TABLE b (id int PRIMARY KEY, at timestamptz, v jsonb);
    CREATE TABLE nokey (label text);
    INSERT INTO a VALUES (1, '2024-03-26 12:33:00+00', '{"x": 1}'), (2, '2024-03-27 08:00:00+00', NULL);
    INSERT INTO b VALUES (2, '2024-03-27 08:00:00+00', NULL), (1, '2024-03-26 12:33:00+00', '{"x": 1}');
    INSERT INTO nokey VALUES ('z'), ('a');`);
});
afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

async function statsOf(name: string, primaryKey: string[], timeZone = 'UTC') {
  const client = await pool.connect();
  try {
    await client.query(`SET TimeZone = '${timeZone}'`);
    return await getTableStats(client, { name, primaryKey });
  } finally {
    client.release();
  }
}

describe('getTableStats', () => {
  it('orders rows by primary key: the same rows inserted in another order give the same checksum', async () => {
    const [a, b] = await Promise.all([statsOf('public.a', ['id']), statsOf('public.b', ['id'])]);
    expect(a).toEqual(b);
    expect(a.rowCount).toBe(2);
  });

  it('does not depend on the session time zone when the caller fixes it', async () => {
    const client = await pool.connect();
    try {
      await client.query("SET TimeZone = 'Europe/Paris'");
      const paris = await getTableStats(client, { name: 'public.a', primaryKey: ['id'] });
      await client.query("SET TimeZone = 'UTC'");
      const utc = await getTableStats(client, { name: 'public.a', primaryKey: ['id'] });
      // Rows render in the session's zone: the manifest code fixes it (CHECKSUM_SESSION_SQL).
      expect(paris.checksum).not.toBe(utc.checksum);
      expect(paris.keyChecksum).toBe(utc.keyChecksum);
    } finally {
      client.release();
    }
  });

  it('changes with one value, and its key checksum only with the keys', async () => {
    const before = await statsOf('public.b', ['id']);
    await pool.query(`UPDATE b SET v = '{"x": 2}' WHERE id = 1`);
    const after = await statsOf('public.b', ['id']);
    expect(after.checksum).not.toBe(before.checksum);
    expect(after.keyChecksum).toBe(before.keyChecksum);
  });

  it('orders a table without a primary key by its whole rows', async () => {
    const stats = await statsOf('public.nokey', []);
    expect(stats.rowCount).toBe(2);
    await pool.query("DELETE FROM nokey; INSERT INTO nokey VALUES ('a'), ('z')");
    expect(await statsOf('public.nokey', [])).toEqual(stats);
  });
});

describe('applySchema', () => {
  it('creates every table with its primary key, and refuses a database that has them', async () => {
    const db = new pg.Pool({
      connectionString: server.connectionString.replace(/\/[^/]*$/, '/postgres'),
      max: 1,
    });
    try {
      await db.query('CREATE DATABASE schema_test');
    } finally {
      await db.end();
    }
    const target = new pg.Pool({
      connectionString: server.connectionString.replace(/\/[^/]*$/, '/schema_test'),
      max: 1,
    });
    try {
      await applySchema(target);
      const client = await target.connect();
      const tables = await listTables(client).finally(() => client.release());
      expect(tables.map((table) => table.name)).toContain('hdb_catalog.schema_migrations');
      expect(tables.filter((table) => table.primaryKey.length === 0)).toEqual([]);
      await expect(applySchema(target)).rejects.toThrow(
        'table public.documents already exists; expected an empty database',
      );
    } finally {
      await target.end();
    }
  });
});
