// The cluster target: nothing is started; the endpoints come from the environment and are checked
// (one query, one `GET /`) so that a wrong URL or credential fails before any drill runs.
import pg from 'pg';
import { endpointOf } from '../search/index.ts';
import { connectSearch } from './connect-search.ts';
import { externalUnreachableError } from './env-error.ts';
import { loadExternalConfig } from './external-config.ts';
import type { PgEndpoint, SearchEndpoint } from './drill-env.ts';
import { toPgClientConfig } from './pg-client-config.ts';
import type { StartedEnvironment, StartEnvironmentOptions } from './started-environment.ts';

const CONNECT_TIMEOUT_MS = 10_000;

async function checkPostgres(endpoint: PgEndpoint): Promise<void> {
  const client = new pg.Client({
    ...toPgClientConfig(endpoint),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw externalUnreachableError(
      'PostgreSQL',
      `${endpoint.host}:${endpoint.port} (database ${endpoint.database}, user ${endpoint.user})`,
      error,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function checkSearch(endpoint: SearchEndpoint): Promise<void> {
  try {
    const engine = await connectSearch(endpoint);
    await engine.close();
  } catch (error) {
    throw externalUnreachableError('the search engine', endpointOf(endpoint.url), error);
  }
}

export async function startExternalEnvironment(
  options: Omit<StartEnvironmentOptions, 'target'>,
): Promise<StartedEnvironment> {
  const config = loadExternalConfig(process.env, { search: options.search });
  options.signal?.throwIfAborted();
  await checkPostgres(config.pg);
  if (config.search) await checkSearch(config.search);
  return {
    descriptor: {
      target: 'cluster',
      runId: options.runId,
      pg: config.pg,
      ...(config.search ? { search: config.search } : {}),
    },
    stop: async () => {},
  };
}
