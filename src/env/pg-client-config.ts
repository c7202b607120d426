// node-postgres settings for an endpoint, TLS included (libpq's sslmode semantics).
import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import type { PgEndpoint } from './drill-env.ts';

export function toPgClientConfig(endpoint: PgEndpoint): ClientConfig {
  const { host, port, database, user, password, ssl } = endpoint;
  const config: ClientConfig = { host, port, database, user, password };
  if (ssl !== undefined) {
    const ca = ssl.caFile === undefined ? undefined : readFileSync(ssl.caFile, 'utf8');
    config.ssl =
      ssl.mode === 'require'
        ? { rejectUnauthorized: false }
        : {
            ca,
            rejectUnauthorized: true,
            ...(ssl.mode === 'verify-ca' ? { checkServerIdentity: () => undefined } : {}),
          };
  }
  return config;
}

/** The same server's `postgres` database: where the drill's own database is altered or copied from. */
export function toMaintenanceClientConfig(endpoint: PgEndpoint): ClientConfig {
  return { ...toPgClientConfig(endpoint), database: 'postgres' };
}
