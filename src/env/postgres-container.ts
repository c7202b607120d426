// PostgreSQL for the ephemeral environment: @testcontainers/postgresql with a log wait (its
// default health-check wait never ends on Podman 4.3 without systemd), then a `SELECT 1` poll.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgreSqlContainer, type StartedPostgreSqlContainer } from '@testcontainers/postgresql';
import { Wait, type ContainerRuntimeClient } from 'testcontainers';
import type { PgEndpoint } from './drill-env.ts';
import { labelsOfService } from './container-runtime.ts';
import { EnvError } from './env-error.ts';
import { withLogsOnFailure } from './logs-on-failure.ts';
import { toPgClientConfig } from './pg-client-config.ts';
import { pollUntil } from './poll-until.ts';
import { startServiceContainer } from './start-service-container.ts';

const POSTGRES_DATABASE = 'cdtn';
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
        .withLabels(labelsOfService(options.runId, 'postgres'))
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

/** Refused connections and "the database system is starting up" (57P03) pass; auth errors do not. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code !== 'string' || !/^(28|3D)/.test(code);
}

/** The log line comes just before the server accepts connections: poll until a query answers. */
async function waitForQueries(endpoint: PgEndpoint, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const where = `PostgreSQL at ${endpoint.host}:${endpoint.port}`;
  const query = async (): Promise<void> => {
    const client = new pg.Client({ ...toPgClientConfig(endpoint), connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } finally {
      await client.end().catch(() => {});
    }
  };
  try {
    await pollUntil(query, {
      timeoutMs,
      intervalMs: 50,
      signal,
      isRetryable: isTransient,
      onTimeout: (lastError) =>
        new EnvError(`ephemeral environment: ${where} answered no query within ${timeoutMs} ms`, {
          cause: lastError,
        }),
    });
  } catch (error) {
    if (error instanceof EnvError || signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new EnvError(`ephemeral environment: ${where} refused user ${endpoint.user}: ${reason}`, {
      cause: error,
    });
  }
}
