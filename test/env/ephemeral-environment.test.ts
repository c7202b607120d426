// The ephemeral environment started for real (Docker, or Podman through scripts/with-env.sh):
// PostgreSQL answers, every container carries the run label, and none is left after a stop or a
// start that fails half-way.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  connectDrillEnv,
  listContainersOfRun,
  removeContainersOfRun,
  startEnvironment,
} from '../../src/env/index.ts';

const runIds: string[] = [];
function newRunId(): string {
  const runId = `test-${randomUUID().slice(0, 8)}`;
  runIds.push(runId);
  return runId;
}

afterEach(async () => {
  vi.unstubAllEnvs();
  // Whatever a failed assertion left behind.
  for (const runId of runIds.splice(0)) await removeContainersOfRun(runId);
});

describe('ephemeral environment', () => {
  it('starts PostgreSQL, answers queries, and leaves no container after stop', async () => {
    const runId = newRunId();
    const env = await startEnvironment({ target: 'ephemeral', runId, search: false });
    expect(env.descriptor).toMatchObject({ target: 'ephemeral', runId });
    expect(await listContainersOfRun(runId)).toHaveLength(1);

    const drillEnv = await connectDrillEnv(env.descriptor);
    const { rows } = await drillEnv.pg.query<{ db: string; major: string }>(
      "SELECT current_database() AS db, current_setting('server_version_num')::int / 10000 AS major",
    );
    expect(rows[0]).toEqual({ db: env.descriptor.pg.database, major: 15 });
    await expect(drillEnv.search.count('any')).rejects.toThrow(/started no search engine/);
    await drillEnv.close();

    await env.stop();
    expect(await listContainersOfRun(runId)).toEqual([]);
    await env.stop(); // idempotent
  });

  it('removes the started PostgreSQL when the search image is missing, naming the image and its build command', async () => {
    const runId = newRunId();
    vi.stubEnv('DRILL_SEARCH_IMAGE', 'localhost/cdtn-drill-opensearch:missing-tag');
    const start = startEnvironment({ target: 'ephemeral', runId });
    await expect(start).rejects.toThrow(
      /search engine image localhost\/cdtn-drill-opensearch:missing-tag is not in the local image store; build it with `podman build/,
    );
    expect(await listContainersOfRun(runId)).toEqual([]);
  });

  it('says how to build local images when a registry image cannot be pulled', async () => {
    const runId = newRunId();
    vi.stubEnv('DRILL_SEARCH_IMAGE', 'docker.io/cdtn-drill/does-not-exist:0');
    await expect(startEnvironment({ target: 'ephemeral', runId })).rejects.toThrow(
      'search engine image docker.io/cdtn-drill/does-not-exist:0 could not be pulled; without a registry, build the local images',
    );
    expect(await listContainersOfRun(runId)).toEqual([]);
  });

  it('reports an engine that never gets ready with its last log lines, and removes everything', async () => {
    const runId = newRunId();
    // The PostgreSQL image never answers HTTP on 9200: without POSTGRES_PASSWORD its entrypoint exits,
    // which ends the wait before the limit.
    vi.stubEnv('DRILL_SEARCH_IMAGE', process.env.DRILL_PG_IMAGE ?? 'postgres:15');
    vi.stubEnv('DRILL_SEARCH_STARTUP_TIMEOUT_MS', '60000');
    const error = await startEnvironment({ target: 'ephemeral', runId }).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(
      /search engine \(.+\) did not become ready \(limit 60000 ms\): .+; its last \d+ log lines:\n/,
    );
    expect(error?.message).toMatch(/POSTGRES_PASSWORD/);
    expect(await listContainersOfRun(runId)).toEqual([]);
  });

  it('gives up on an engine still starting at its limit, and removes everything', async () => {
    const runId = newRunId();
    vi.stubEnv('DRILL_SEARCH_STARTUP_TIMEOUT_MS', '2000'); // a JVM engine needs far more
    const error = await startEnvironment({ target: 'ephemeral', runId }).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    expect(error?.message).toMatch(
      /search engine \(.+\) did not become ready \(limit 2000 ms\): GET \/_cluster\/health\S* on port 9200 did not answer 200 within 2000 ms/,
    );
    expect(await listContainersOfRun(runId)).toEqual([]);
  });

  it('stops what it started when aborted', async () => {
    const runId = newRunId();
    const controller = new AbortController();
    const start = startEnvironment({ target: 'ephemeral', runId, search: false, signal: controller.signal });
    // Abort once the PostgreSQL container exists, i.e. in the middle of the start.
    await vi.waitFor(async () => expect(await listContainersOfRun(runId)).toHaveLength(1), {
      timeout: 30_000,
      interval: 20,
    });
    controller.abort(new Error('Ctrl-C'));
    await expect(start).rejects.toThrow('Ctrl-C');
    expect(await listContainersOfRun(runId)).toEqual([]);
  });
});
