// The rehearsal's cron-ingester container: the project's reference ingester run once against the
// database and the npm registry its environment names (DATABASE_URL, DRILL_NPM_REGISTRY), one log
// line per package as the drill's tt3 reads them from the pod's log; exits 1 on failure.
import pg from 'pg';
import { formatIngestLogLine, ingestPackages } from '../../ingest/index.ts';
import { requireEnv } from './require-env.ts';

const pool = new pg.Pool({ connectionString: requireEnv('DATABASE_URL'), max: 4 });
try {
  const results = await ingestPackages(pool, { registry: { url: requireEnv('DRILL_NPM_REGISTRY') } });
  for (const result of results) console.log(formatIngestLogLine(result));
} catch (error) {
  console.error(`ingester: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
