// Figures for `npm run bench`: the harness's restore against plain pg_restore on the same dump in
// the same throwaway server (alternating, so both see the same machine), rows/s, manifest time.
import { execa } from 'execa';
import pg from 'pg';
import type { BackupManifest } from './backup-manifest.ts';
import { createManifest } from './create-manifest.ts';
import { getPgEnv, getRestoreArgs } from './restore-backup.ts';
import { restoreIntoDatabase } from './restore-into-database.ts';
import { startThrowawayPostgres, withClient } from './throwaway-postgres.ts';

export interface RestoreBenchOptions {
  dumpPath: string;
  manifest: BackupManifest;
  /** Pairs of (plain, harness) restores; the median of each is kept (default 2). */
  rounds?: number;
  jobs?: number;
  /** Where createManifest writes during the measure (default: a temporary file beside the dump). */
  manifestOut?: string;
}

export interface RestoreBenchResult {
  /** Every round's time, in round order, for the spread. */
  plainSamples: number[];
  harnessSamples: number[];
  plainSeconds: number;
  /** Dump checks + pg_restore through execa (post-restore excluded: plain pg_restore has none). */
  harnessSeconds: number;
  /** harness / plain; target ≤ 1.10. */
  ratio: number;
  postRestoreSeconds: number;
  rows: number;
  rowsPerSecond: number;
  manifestSeconds: number;
}

export async function benchRestore(options: RestoreBenchOptions): Promise<RestoreBenchResult> {
  const rounds = options.rounds ?? 2;
  await using server = await startThrowawayPostgres('bench');
  const plain: number[] = [];
  const harness: number[] = [];
  const post: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const plainDb = await createDatabase(server.connectionString, `plain_${round}`);
    const started = performance.now();
    await execa(
      'pg_restore',
      getRestoreArgs({ dumpPath: options.dumpPath, connectionString: plainDb, ...jobsOf(options) }),
      {
        env: getPgEnv(plainDb),
      },
    );
    plain.push((performance.now() - started) / 1000);

    const harnessDb = await createDatabase(server.connectionString, `harness_${round}`);
    const pool = new pg.Pool({ connectionString: harnessDb, max: 2 });
    try {
      const begun = performance.now();
      const outcome = await restoreIntoDatabase({
        dumpPath: options.dumpPath,
        manifest: options.manifest,
        connectionString: harnessDb,
        pool,
        databaseName: `harness_${round}`,
        clean: false,
        postRestore: {},
        ...jobsOf(options),
      });
      harness.push((performance.now() - begun) / 1000 - outcome.postRestoreSeconds);
      post.push(outcome.postRestoreSeconds);
    } finally {
      await pool.end();
    }
  }
  const manifestRun = await createManifest(options.dumpPath, {
    out: options.manifestOut ?? `${options.dumpPath}.bench.manifest.json`,
  });
  const rows = options.manifest.tables.reduce((sum, table) => sum + table.rowCount, 0);
  const harnessSeconds = median(harness);
  const plainSeconds = median(plain);
  return {
    plainSamples: plain,
    harnessSamples: harness,
    plainSeconds,
    harnessSeconds,
    ratio: harnessSeconds / plainSeconds,
    postRestoreSeconds: median(post),
    rows,
    rowsPerSecond: rows / harnessSeconds,
    manifestSeconds: manifestRun.seconds,
  };
}

function jobsOf(options: RestoreBenchOptions): { jobs?: number } {
  return options.jobs ? { jobs: options.jobs } : {};
}

async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
