// The database and engine the ingest and export parts work on, as in the drill: an ephemeral
// environment (containers labelled with the bench's run id), the backup restored into it, then
// the real data packages ingested once through the fake registry (measured by whoever asks first).
import { randomUUID } from 'node:crypto';
import { startOutsideWorld } from '../src/checks/index.ts';
import {
  connectDrillEnv,
  removeContainersOfRun,
  startEnvironment,
  type ConnectedDrillEnv,
} from '../src/env/index.ts';
import {
  loadIngestConfig,
  measureIngest,
  prepareServedRegistry,
  type IngestMeasure,
} from '../src/ingest/index.ts';
import {
  readRestoreConfig,
  resolveBackup,
  restoreIntoDatabase,
  type ResolvedBackup,
} from '../src/pg/index.ts';

export interface Workbench {
  runId: string;
  env: ConnectedDrillEnv;
  backup: ResolvedBackup;
  /** The containers' PostgreSQL and the engine, e.g. { postgres: '15.8', opensearch: '2.19.6' }. */
  versions: Record<string, string>;
  /** Ingests the served latest packages on the first call; later calls return the same measure. */
  ingest(): Promise<ServedIngest>;
  stop(): Promise<void>;
}

export interface ServedIngest {
  measure: IngestMeasure;
  /** The version served as latest, per package. */
  latest: Record<string, string>;
}

export async function startWorkbench(signal: AbortSignal, log: (line: string) => void): Promise<Workbench> {
  const runId = `bench-${randomUUID().slice(0, 8)}`;
  log(`workbench: starting the ephemeral environment (run ${runId})`);
  const started = await startEnvironment({ target: 'ephemeral', runId, signal });
  let env: ConnectedDrillEnv | undefined;
  const stop = async () => {
    await env?.close();
    await started.stop();
    await removeContainersOfRun(runId);
  };
  try {
    env = await connectDrillEnv(started.descriptor);
    const backup = await resolveBackup(readRestoreConfig(), 'ephemeral', signal);
    log(`workbench: restoring ${backup.origin}`);
    const { pg: pgEndpoint } = started.descriptor;
    await restoreIntoDatabase({
      dumpPath: backup.dumpPath as string,
      manifest: backup.manifest,
      connectionString: pgEndpoint.connectionString,
      pool: env.pg,
      databaseName: `${pgEndpoint.host}/${pgEndpoint.database}`,
      clean: false,
      signal,
      // Ending other sessions, as upstream does, would also end the bench's own pool.
      postRestore: { terminateOtherSessions: false },
    });
    const { rows } = await env.pg.query<{ server_version: string }>('SHOW server_version');
    const engine = await env.search.info();
    const versions = {
      postgres: rows[0]?.server_version ?? 'unknown',
      [engine.distribution]: engine.version,
    };
    const connected = env;
    let ingestion: Promise<ServedIngest> | undefined;
    return {
      runId,
      env: connected,
      backup,
      versions,
      ingest: () => (ingestion ??= ingestServed(connected, signal, log)),
      stop,
    };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

async function ingestServed(
  env: ConnectedDrillEnv,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<ServedIngest> {
  const served = await prepareServedRegistry(loadIngestConfig(), { signal });
  served.warnings.forEach(log);
  log(
    `workbench: ingesting ${Object.entries(served.latest)
      .map(([name, version]) => `${name}@${version}`)
      .join(', ')}`,
  );
  const world = startOutsideWorld({ handlers: served.handlers });
  try {
    const measure = await measureIngest(env.pg, { registry: { url: served.registryUrl }, signal });
    return { measure, latest: served.latest };
  } finally {
    world.close();
  }
}
