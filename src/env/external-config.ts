// Settings of the cluster target, from the standard variables: DATABASE_URL or PG*; PGSSLMODE,
// PGSSLROOTCERT; ELASTICSEARCH_URL with ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD;
// ELASTICSEARCH_CA_FILE, ELASTICSEARCH_TLS_REJECT_UNAUTHORIZED. Validated in one pass: every
// problem is reported at once, before anything is contacted; values are never echoed.
import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { PgEndpoint, PgSsl, SearchEndpoint } from './drill-env.ts';
import { EnvError } from './env-error.ts';

const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'] as const;
const text = z.string().optional();
const schema = z.object({
  DATABASE_URL: text,
  PGHOST: text,
  PGPORT: text,
  PGDATABASE: text,
  PGUSER: text,
  PGPASSWORD: text,
  PGSSLMODE: text,
  PGSSLROOTCERT: text,
  ELASTICSEARCH_URL: text,
  ELASTICSEARCH_API_KEY: text,
  ELASTICSEARCH_USERNAME: text,
  ELASTICSEARCH_PASSWORD: text,
  ELASTICSEARCH_CA_FILE: text,
  ELASTICSEARCH_TLS_REJECT_UNAUTHORIZED: text,
});
type Variables = z.infer<typeof schema>;

export interface ExternalConfig {
  pg: PgEndpoint;
  /** Absent when loaded with `search: false`. */
  search?: SearchEndpoint;
}

function parseUrl(value: string, protocols: string[]): URL | undefined {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

function readPg(v: Variables, problems: string[]): PgEndpoint | undefined {
  const sslMode = v.PGSSLMODE ?? undefined;
  if (sslMode !== undefined && !(SSL_MODES as readonly string[]).includes(sslMode))
    problems.push(`PGSSLMODE: expected one of ${SSL_MODES.join(', ')}`);
  if (v.PGSSLROOTCERT !== undefined && !existsSync(v.PGSSLROOTCERT))
    problems.push(`PGSSLROOTCERT: file ${v.PGSSLROOTCERT} does not exist`);
  let fields: Omit<PgEndpoint, 'connectionString' | 'ssl'> | undefined;
  let connectionString: string | undefined;
  let urlSslMode: string | null = null;
  if (v.DATABASE_URL !== undefined) {
    const url = parseUrl(v.DATABASE_URL, ['postgres:', 'postgresql:']);
    if (url === undefined || url.hostname === '' || url.pathname.length < 2) {
      problems.push('DATABASE_URL: expected postgres://user:password@host:port/database');
    } else {
      fields = {
        host: url.hostname,
        port: Number(url.port || 5432),
        database: decodeURIComponent(url.pathname.slice(1)),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      };
      connectionString = v.DATABASE_URL;
      urlSslMode = url.searchParams.get('sslmode');
    }
  } else {
    const missing = (['PGHOST', 'PGDATABASE', 'PGUSER'] as const).filter((name) => !v[name]);
    if (missing.length > 0)
      problems.push(`PostgreSQL: set DATABASE_URL, or ${missing.join(', ')} (with PGPORT, PGPASSWORD)`);
    const port = Number(v.PGPORT ?? 5432);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      problems.push('PGPORT: expected a port number (1-65535)');
    if (missing.length === 0) {
      fields = {
        host: v.PGHOST!,
        port,
        database: v.PGDATABASE!,
        user: v.PGUSER!,
        password: v.PGPASSWORD ?? '',
      };
      const auth = `${encodeURIComponent(fields.user)}:${encodeURIComponent(fields.password)}`;
      const query = sslMode === undefined ? '' : `?sslmode=${sslMode}`;
      connectionString = `postgres://${auth}@${fields.host}:${port}/${encodeURIComponent(fields.database)}${query}`;
    }
  }
  if (fields === undefined || connectionString === undefined) return undefined;
  const mode = sslMode ?? urlSslMode ?? 'disable';
  // allow/prefer fall back to plain connections in libpq; node-postgres cannot, so they mean "require".
  const ssl: PgSsl | undefined =
    mode === 'disable'
      ? undefined
      : {
          mode: mode === 'verify-ca' || mode === 'verify-full' ? mode : 'require',
          ...(v.PGSSLROOTCERT ? { caFile: v.PGSSLROOTCERT } : {}),
        };
  return { ...fields, connectionString, ...(ssl ? { ssl } : {}) };
}

function readSearch(v: Variables, problems: string[]): SearchEndpoint | undefined {
  const url =
    v.ELASTICSEARCH_URL === undefined ? undefined : parseUrl(v.ELASTICSEARCH_URL, ['http:', 'https:']);
  if (url === undefined)
    problems.push('ELASTICSEARCH_URL: expected an http:// or https:// URL of the engine');
  const {
    ELASTICSEARCH_API_KEY: apiKey,
    ELASTICSEARCH_USERNAME: username,
    ELASTICSEARCH_PASSWORD: password,
  } = v;
  if (apiKey !== undefined && (username !== undefined || password !== undefined)) {
    problems.push(
      'ELASTICSEARCH_API_KEY: set either an API key or ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD, not both',
    );
  } else if ((username === undefined) !== (password === undefined)) {
    problems.push('ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD: set both or neither');
  }
  if (v.ELASTICSEARCH_CA_FILE !== undefined && !existsSync(v.ELASTICSEARCH_CA_FILE)) {
    problems.push(`ELASTICSEARCH_CA_FILE: file ${v.ELASTICSEARCH_CA_FILE} does not exist`);
  }
  const reject = v.ELASTICSEARCH_TLS_REJECT_UNAUTHORIZED;
  if (reject !== undefined && reject !== 'true' && reject !== 'false')
    problems.push('ELASTICSEARCH_TLS_REJECT_UNAUTHORIZED: expected true or false');
  if (url === undefined) return undefined;
  const auth =
    apiKey !== undefined
      ? { apiKey }
      : username !== undefined && password !== undefined
        ? { username, password }
        : undefined;
  const tls = {
    ...(v.ELASTICSEARCH_CA_FILE ? { caFile: v.ELASTICSEARCH_CA_FILE } : {}),
    ...(reject === 'false' ? { rejectUnauthorized: false } : {}),
  };
  return {
    url: v.ELASTICSEARCH_URL!,
    ...(auth ? { auth } : {}),
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
  };
}

/** Reads the cluster's endpoints; `search: false` skips the engine's variables. */
export function loadExternalConfig(
  env: NodeJS.ProcessEnv = process.env,
  options: { search?: boolean } = {},
): ExternalConfig {
  // Empty variables count as unset, as in libpq.
  const variables = schema.parse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  const problems: string[] = [];
  const pg = readPg(variables, problems);
  const search = options.search === false ? undefined : readSearch(variables, problems);
  if (problems.length > 0 || pg === undefined) {
    throw new EnvError(
      `cluster environment: invalid configuration (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n- ${problems.join('\n- ')}`,
    );
  }
  return { pg, ...(search ? { search } : {}) };
}
