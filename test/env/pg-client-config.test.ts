// libpq's sslmode values mapped onto node-postgres' TLS options.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PgEndpoint } from '../../src/env/index.ts';
import { toPgClientConfig } from '../../src/env/pg-client-config.ts';

const endpoint: PgEndpoint = {
  host: 'db',
  port: 5432,
  database: 'cdtn',
  user: 'admin',
  password: 'pw',
  connectionString: 'postgres://admin:pw@db:5432/cdtn',
};

describe('toPgClientConfig', () => {
  it('connects in plain text without ssl settings', () => {
    expect(toPgClientConfig(endpoint)).toEqual({
      host: 'db',
      port: 5432,
      database: 'cdtn',
      user: 'admin',
      password: 'pw',
    });
  });

  it('encrypts without checking the certificate for require', () => {
    expect(toPgClientConfig({ ...endpoint, ssl: { mode: 'require' } }).ssl).toEqual({
      rejectUnauthorized: false,
    });
  });

  it('checks the certificate against the CA file, and the host name only for verify-full', () => {
    const ca = join(mkdtempSync(join(tmpdir(), 'drill-pg-ca-')), 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nfixture\n-----END CERTIFICATE-----\n');
    const full = toPgClientConfig({ ...endpoint, ssl: { mode: 'verify-full', caFile: ca } }).ssl;
    expect(full).toEqual({ ca: expect.stringContaining('fixture'), rejectUnauthorized: true });
    const caOnly = toPgClientConfig({ ...endpoint, ssl: { mode: 'verify-ca', caFile: ca } }).ssl as {
      rejectUnauthorized: boolean;
      checkServerIdentity: () => undefined;
    };
    expect(caOnly.rejectUnauthorized).toBe(true);
    expect(caOnly.checkServerIdentity()).toBeUndefined();
  });
});
