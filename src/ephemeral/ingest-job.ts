// The work of a cron-ingester Job in the ephemeral target, run by the local job controller in place
// of the ingester's pod: the reference ingester against the fake npm registry (msw), which serves
// the cached real tarballs at versions newer than the backup's.
import type { V1Job } from '@kubernetes/client-node';
import type pg from 'pg';
import { startOutsideWorld } from '../checks/index.ts';
import type { JobWorkContext } from './job-controller.ts';
import { ingestPackages, type ServedRegistry } from '../ingest/index.ts';

export function createIngestJob(pool: pg.Pool, served: ServedRegistry) {
  return async (job: V1Job, context: JobWorkContext): Promise<void> => {
    const world = startOutsideWorld({ handlers: served.handlers });
    try {
      const results = await ingestPackages(pool, {
        registry: { url: served.registryUrl },
        signal: context.signal,
      });
      for (const result of results) {
        const outcome = result.skipped
          ? `skipped (${result.skippedReason})`
          : `${result.fromVersion ?? '(none)'} → ${result.toVersion}`;
        context.log(`${job.metadata?.name}: ${result.package} ${outcome}`);
      }
    } finally {
      world.close();
    }
  };
}
