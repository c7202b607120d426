// The search engine container (DRILL_SEARCH_IMAGE: the local OpenSearch build under
// scripts/with-env.sh), and the cluster target pointed at this environment's real endpoints.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  connectDrillEnv,
  listContainersOfRun,
  startEnvironment,
  type StartedEnvironment,
} from '../../src/env/index.ts';

const runId = `test-${randomUUID().slice(0, 8)}`;
let env: StartedEnvironment;

beforeAll(async () => {
  env = await startEnvironment({ target: 'ephemeral', runId });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await env?.stop();
  expect(await listContainersOfRun(runId)).toEqual([]);
});

describe('ephemeral environment with a search engine', () => {
  it('starts the engine in a container labelled with the run, and drills reach it through the port', async () => {
    expect(await listContainersOfRun(runId)).toHaveLength(2);
    expect(env.timings?.searchReadyMs).toBeGreaterThan(0);
    const drillEnv = await connectDrillEnv(env.descriptor);
    try {
      const info = await drillEnv.search.info();
      expect(['opensearch', 'elasticsearch']).toContain(info.distribution);
      expect((await drillEnv.search.health()).numberOfNodes).toBe(1);
    } finally {
      await drillEnv.close();
    }
  });
});

describe('cluster target', () => {
  async function failureOf(start: Promise<unknown>): Promise<Error> {
    return start.then(
      () => {
        throw new Error('expected the start to fail');
      },
      (error: unknown) => error as Error,
    );
  }

  function useCluster(overrides: Record<string, string> = {}): void {
    vi.stubEnv('DATABASE_URL', env.descriptor.pg.connectionString);
    vi.stubEnv('ELASTICSEARCH_URL', env.descriptor.search!.url);
    for (const [name, value] of Object.entries(overrides)) vi.stubEnv(name, value);
  }

  it('checks PostgreSQL and the engine from the standard variables', async () => {
    useCluster();
    const cluster = await startEnvironment({ target: 'cluster', runId: 'cluster-check' });
    expect(cluster.descriptor).toMatchObject({ target: 'cluster', pg: { port: env.descriptor.pg.port } });
    const drillEnv = await connectDrillEnv(cluster.descriptor);
    const { rows } = await drillEnv.pg.query<{ one: number }>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
    await drillEnv.close();
    await cluster.stop();
  });

  it('names the PostgreSQL host, never the password, when the credentials are wrong', async () => {
    const url = new URL(env.descriptor.pg.connectionString);
    url.password = 'wrong-password-7f3a';
    useCluster({ DATABASE_URL: url.toString() });
    const error = await failureOf(startEnvironment({ target: 'cluster', runId: 'cluster-bad-pg' }));
    expect(error.message).toMatch(
      new RegExp(
        `cannot reach PostgreSQL at ${env.descriptor.pg.host}:${env.descriptor.pg.port} .*password authentication failed`,
      ),
    );
    expect(error.message).not.toContain('wrong-password-7f3a');
    expect(error.message).not.toContain(env.descriptor.pg.password);
  });

  it('names the engine host, never the password, when its URL is wrong', async () => {
    useCluster({
      ELASTICSEARCH_URL: 'http://127.0.0.1:9',
      ELASTICSEARCH_USERNAME: 'elastic',
      ELASTICSEARCH_PASSWORD: 'es-pass-91c2',
    });
    const error = await failureOf(startEnvironment({ target: 'cluster', runId: 'cluster-bad-es' }));
    expect(error.message).toMatch(/cannot reach the search engine at http:\/\/127\.0\.0\.1:9/);
    expect(error.message).not.toContain('es-pass-91c2');
  });
});
