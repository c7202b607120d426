// PostgreSQL for the ephemeral environment: @testcontainers/postgresql with a log wait (its
// default health-check wait never ends on Podman 4.3 without systemd), then a `SELECT 1` poll.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { Wait, type ContainerRuntimeClient } from 'testcontainers';
import type { PgEndpoint } from './drill-env.ts';
import { RUN_ID_LABEL, SERVICE_LABEL } from './container-runtime.ts';
import { EnvError } from './env-error.ts';
import { withLogsOnFailure } from './logs-on-failure.ts';
import { toPgClientConfig } from './pg-client-config.ts';
import { pollUntil } from './poll-until.ts';
import { startServiceContainer } from './start-service-container.ts';

export const POSTGRES_DATABASE = 'cdtn';
export const POSTGRES_USER = 'cdtn';
/**
 * Printed once by both the official and the local image: their initialisation runs without TCP
 * (temporary server on a socket only / single-user mode), so it marks the final server.
 */
const LISTENING_LINE = /listening on IPv4 address/;

export interface StartedPostgres {
  container: StartedPostgreSqlContainer;
  endpoint: PgEndpoint;
  readyMs: number;
}

export async function startPostgresContainer(
  runtime: ContainerRuntimeClient,
  options: { image: string; runId: string; timeoutMs: number; signal?: AbortSignal },
): Promise<StartedPostgres> {
  const started = performance.now();
  const container = await startServiceContainer(runtime, {
    service: 'PostgreSQL',
    image: options.image,
    timeoutMs: options.timeoutMs,
    start: () =>
      new PostgreSqlContainer(options.image)
        .withDatabase(POSTGRES_DATABASE)
        .withUsername(POSTGRES_USER)
        .withPassword(randomBytes(12).toString('hex'))
        .withLabels({ [RUN_ID_LABEL]: options.runId, [SERVICE_LABEL]: 'postgres' })
        .withWaitStrategy(withLogsOnFailure(Wait.forLogMessage(LISTENING_LINE)))
        .withStartupTimeout(options.timeoutMs)
        .start(),
  });
  const endpoint: PgEndpoint = {
    host: container.getHost(),
    port: container.getPort(),
    database: container.getDatabase(),
    user: container.getUsername(),
    password: container.getPassword(),
    connectionString: container.getConnectionUri(),
  };
  try {
    await waitForQueries(endpoint, options.timeoutMs, options.signal);
  } catch (error) {
    await container.stop().catch(() => {});
    throw error;
  }
  return { container, endpoint, readyMs: Math.round(performance.now() - started) };
}

/** The log line comes just before the server accepts connections: poll until a query answers. */
async function waitForQueries(endpoint: PgEndpoint, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  await pollUntil(
    async () => {
      const client = new pg.Client({ ...toPgClientConfig(endpoint), connectionTimeoutMillis: 2000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
      } finally {
        await client.end().catch(() => {});
      }
    },
    {
      timeoutMs,
      intervalMs: 50,
      signal,
      onTimeout: (lastError) =>
        new EnvError(
          `ephemeral environment: PostgreSQL at ${endpoint.host}:${endpoint.port} answered no query within ${timeoutMs} ms`,
          {
            cause: lastError,
          },
        ),
    },
  );
}
