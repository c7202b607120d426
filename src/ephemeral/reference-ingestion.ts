// tt3's action on the ephemeral target: the reference ingester itself, in the drill's process,
// against the fake npm registry (msw) that serves the cached real tarballs at versions newer than
// the backup's. The ephemeral target has no Kubernetes (building one takes ~15 min): the cluster's
// way of acting, the Job from the CronJob, is proven on a real control plane by test/rehearsal/.
import type pg from 'pg';
import { startOutsideWorld } from '../checks/index.ts';
import { formatIngestLogLine, ingestPackages, type ServedRegistry } from '../ingest/index.ts';

export interface ReferenceIngestion {
  seconds: number;
  /** The ingester's log: a line per package, as the Job's pod would log it. */
  logLines: string[];
}

export async function runReferenceIngestion(
  pool: pg.Pool,
  served: ServedRegistry,
  signal?: AbortSignal,
): Promise<ReferenceIngestion> {
  const started = performance.now();
  const world = startOutsideWorld({ handlers: served.handlers });
  try {
    const results = await ingestPackages(pool, { registry: { url: served.registryUrl }, signal });
    return { seconds: (performance.now() - started) / 1000, logLines: results.map(formatIngestLogLine) };
  } finally {
    world.close();
  }
}
