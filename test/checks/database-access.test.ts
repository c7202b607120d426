// gt4 building blocks on a real PostgreSQL and, when DRILL_TEST_SEARCH_URL gives one, a real engine.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CheckError,
  checkPostgresAccess,
  checkSearchAccess,
  probeIndexName,
} from '../../src/checks/index.ts';
import { startThrowawayPostgres, withClient, type ThrowawayPostgres } from '../../src/pg/index.ts';
import { startTestSearchEngine, type TestSearchEngine } from '../search/index.ts';

describe('PostgreSQL access (gt4)', () => {
  let postgres: ThrowawayPostgres;
  const clients: pg.Client[] = [];
  const poolAs = (user: string) => {
    const url = new URL(postgres.connectionString);
    url.username = user;
    const client = new pg.Client({ connectionString: url.toString() });
    clients.push(client);
    return client.connect().then(() => client);
  };
  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    await withClient(postgres.connectionString, (c) =>
      c.query(`CREATE ROLE reader LOGIN; CREATE ROLE restorer LOGIN;
               GRANT CREATE ON DATABASE "cdtn-admin" TO restorer; GRANT CREATE ON SCHEMA public TO restorer;`),
    );
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await postgres?.stop();
  });

  it('passes a superuser and reports the server version', async () => {
    const access = await checkPostgresAccess(await poolAs('postgres'), {
      endpoint: 'local/cdtn-admin',
      dumpServerVersion: '15.8',
    });
    expect(access).toMatchObject({ user: 'postgres', database: 'cdtn-admin', superuser: true });
    expect(access.serverVersion).toMatch(/^\d+\.\d+/);
  });

  it('passes a non-superuser with CREATE on the database and on schema public', async () => {
    const access = await checkPostgresAccess(await poolAs('restorer'), { endpoint: 'local/cdtn-admin' });
    expect(access).toMatchObject({ superuser: false, canCreateSchemas: true, canCreateInPublic: true });
  });

  it('fails a role the restore could not use, saying which privilege is missing', async () => {
    await expect(
      checkPostgresAccess(await poolAs('reader'), { endpoint: 'local/cdtn-admin' }),
    ).rejects.toThrow(
      'gt4: PostgreSQL local/cdtn-admin as reader: expected superuser, or CREATE on database cdtn-admin and on schema public (pg_restore creates schemas and tables), found superuser: no, CREATE on database: no, CREATE on schema public: no',
    );
  });

  it('fails a login that is refused, naming the endpoint', async () => {
    const url = new URL(postgres.connectionString);
    url.username = 'nobody';
    const pool = new pg.Pool({ connectionString: url.toString() });
    const error = await checkPostgresAccess(pool, { endpoint: 'local/cdtn-admin' }).catch((e: unknown) => e);
    await pool.end();
    expect(error).toBeInstanceOf(CheckError);
    expect(String(error)).toContain(
      'gt4: PostgreSQL local/cdtn-admin: expected a login with the drill credentials, found role "nobody" does not exist',
    );
  });

  it('fails a server older than the one the backup was dumped from', async () => {
    await expect(
      checkPostgresAccess(await poolAs('postgres'), {
        endpoint: 'local/cdtn-admin',
        dumpServerVersion: '99.1',
      }),
    ).rejects.toThrow(
      /expected PostgreSQL 99 or later \(the backup was dumped from 99\.1\), found PostgreSQL \d+/,
    );
  });
});

describe('search engine access (gt4)', () => {
  let test: TestSearchEngine;
  beforeAll(async () => {
    test = await startTestSearchEngine();
  });
  afterAll(async () => {
    await test?.[Symbol.asyncDispose]();
  });

  it('creates then deletes a probe index under the prefix', async () => {
    const runId = `Test-${process.pid}`;
    const access = await checkSearchAccess(test.engine, { endpoint: test.url, indexPrefix: 'cdtn', runId });
    expect(access.probeIndex).toBe(probeIndexName('cdtn', runId));
    expect(access.probeIndex).toMatch(/^cdtn-drill-probe-test-\d+$/);
    expect(await test.engine.listIndices(access.probeIndex)).toEqual([]);
    expect(access.health.status).not.toBe('red');
  });

  it('names the index and the prefix when the engine refuses to create it', async () => {
    // An uppercase name is refused by the engine itself: the same path as a missing privilege.
    const error = await checkSearchAccess(test.engine, {
      endpoint: test.url,
      indexPrefix: 'CDTN',
      runId: 'x',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    expect(String(error)).toMatch(
      /gt4: search engine .*, index CDTN-drill-probe-x: expected the right to create indices under CDTN-\*, found /,
    );
  });
});
