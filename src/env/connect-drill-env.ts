// What a drill receives, from the descriptor the global setup handed over: a pg pool and the
// search engine port (a run without an engine gets one that says so on every call).
import pg from 'pg';
import type { SearchEngine } from '../search/index.ts';
import { connectSearch } from './connect-search.ts';
import type { DrillEnv, DrillEnvDescriptor } from './drill-env.ts';
import { EnvError } from './env-error.ts';
import { toPgClientConfig } from './pg-client-config.ts';

export type ConnectedDrillEnv = DrillEnv & { close(): Promise<void> };

function noSearchEngine(runId: string): SearchEngine {
  return new Proxy({} as SearchEngine, {
    get: (_target, method) => {
      if (method === 'then') return undefined; // not a thenable
      if (method === 'close') return async () => {};
      return async () => {
        throw new EnvError(
          `run ${runId} started no search engine (search: false); ${String(method)}() is not available`,
        );
      };
    },
  });
}

export async function connectDrillEnv(descriptor: DrillEnvDescriptor): Promise<ConnectedDrillEnv> {
  const pool = new pg.Pool(toPgClientConfig(descriptor.pg));
  // An idle connection the server ends (a database reset, a restart) leaves the pool, which opens
  // a new one for the next query: not a reason to end the process, as an unheard 'error' would.
  pool.on('error', () => {});
  let search: SearchEngine;
  try {
    search = descriptor.search ? await connectSearch(descriptor.search) : noSearchEngine(descriptor.runId);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    descriptor,
    pg: pool,
    search,
    close: async () => {
      await Promise.all([pool.end(), search.close()]);
    },
  };
}
