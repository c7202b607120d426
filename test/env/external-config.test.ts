import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExternalConfig } from '../../src/env/index.ts';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('external (cluster) configuration', () => {
  it('reads DATABASE_URL and an engine with user/password', () => {
    const config = loadExternalConfig({
      DATABASE_URL: 'postgres://cdtn%40admin:s%3Acret@db.internal:6432/cdtn?sslmode=require',
      ELASTICSEARCH_URL: 'https://es.internal:9243',
      ELASTICSEARCH_USERNAME: 'elastic',
      ELASTICSEARCH_PASSWORD: 'pw',
    });
    expect(config.pg).toMatchObject({
      host: 'db.internal',
      port: 6432,
      database: 'cdtn',
      user: 'cdtn@admin',
      password: 's:cret',
      ssl: { mode: 'require' },
    });
    expect(config.search).toEqual({
      url: 'https://es.internal:9243',
      auth: { username: 'elastic', password: 'pw' },
    });
  });

  it('builds the endpoint from PG* variables, with TLS files and an API key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-ca-'));
    const ca = join(dir, 'ca.pem');
    writeFileSync(ca, 'not checked here');
    const config = loadExternalConfig({
      PGHOST: 'db',
      PGDATABASE: 'cdtn',
      PGUSER: 'admin',
      PGPASSWORD: 'p@ss',
      PGSSLMODE: 'verify-full',
      PGSSLROOTCERT: ca,
      ELASTICSEARCH_URL: 'https://es:9200',
      ELASTICSEARCH_API_KEY: 'key',
      ELASTICSEARCH_CA_FILE: ca,
    });
    expect(config.pg).toEqual({
      host: 'db',
      port: 5432,
      database: 'cdtn',
      user: 'admin',
      password: 'p@ss',
      connectionString: 'postgres://admin:p%40ss@db:5432/cdtn?sslmode=verify-full',
      ssl: { mode: 'verify-full', caFile: ca },
    });
    expect(config.search).toEqual({ url: 'https://es:9200', auth: { apiKey: 'key' }, tls: { caFile: ca } });
  });

  it('reports every problem in one error, without echoing secrets', () => {
    const error = errorOf(() =>
      loadExternalConfig({
        PGHOST: 'db',
        PGPASSWORD: 'hunter2-secret',
        PGPORT: 'eighty',
        PGSSLMODE: 'sometimes',
        ELASTICSEARCH_URL: 'ftp://es',
        ELASTICSEARCH_API_KEY: 'api-key-secret',
        ELASTICSEARCH_PASSWORD: 'es-secret',
        ELASTICSEARCH_CA_FILE: '/nonexistent/ca.pem',
      }),
    );
    expect(error.message).toMatch(/^cluster environment: invalid configuration \(6 problems\)/);
    for (const expected of [
      'PostgreSQL: set DATABASE_URL, or PGDATABASE, PGUSER',
      'PGPORT: expected a port number',
      'PGSSLMODE: expected one of disable, allow, prefer, require, verify-ca, verify-full',
      'ELASTICSEARCH_URL: expected an http:// or https:// URL',
      'ELASTICSEARCH_API_KEY: set either an API key or ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD, not both',
      'ELASTICSEARCH_CA_FILE: file /nonexistent/ca.pem does not exist',
    ]) {
      expect(error.message).toContain(expected);
    }
    expect(error.message).not.toMatch(/secret/);
  });

  it('asks for the engine URL and for both halves of a user/password', () => {
    const error = errorOf(() =>
      loadExternalConfig({ DATABASE_URL: 'postgres://u:p@db/cdtn', ELASTICSEARCH_USERNAME: 'elastic' }),
    );
    expect(error.message).toContain('ELASTICSEARCH_URL: expected an http:// or https:// URL');
    expect(error.message).toContain('ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD: set both or neither');
  });

  it('ignores the engine variables when the run has no search engine', () => {
    const config = loadExternalConfig({ DATABASE_URL: 'postgres://u:p@db/cdtn' }, { search: false });
    expect(config.search).toBeUndefined();
  });
});
