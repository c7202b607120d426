// The harness's restore: check the dump against its manifest, pg_restore it, then, only when asked
// (a declared non-production database), upstream's post-restore step. A failed pg_restore is
// reported with what the database now holds.
import type pg from 'pg';
import type { BackupManifest } from './backup-manifest.ts';
import { describeDatabaseState } from './describe-database-state.ts';
import { ensureManifestMatchesDump } from './load-manifest.ts';
import { runPostRestore, type PostRestoreOptions } from './post-restore.ts';
import { readDumpInfo, type DumpInfo } from './read-dump-info.ts';
import { restoreBackup } from './restore-backup.ts';
import { RestoreError } from './restore-error.ts';

export interface RestoreIntoDatabaseOptions {
  dumpPath: string;
  manifest: BackupManifest;
  connectionString: string;
  pool: pg.Pool;
  /** `host/database`, for messages. */
  databaseName: string;
  clean: boolean;
  jobs?: number;
  signal?: AbortSignal;
  /** Upstream's post-restore step and its options, or false: never on a production database. */
  postRestore: PostRestoreOptions | false;
}

export interface RestoreOutcome {
  dump: DumpInfo;
  restoreSeconds: number;
  /** 0 when no post-restore step ran. */
  postRestoreSeconds: number;
  /** Rows the manifest says the dump holds. */
  rows: number;
  rowsPerSecond: number;
}

export async function restoreIntoDatabase(options: RestoreIntoDatabaseOptions): Promise<RestoreOutcome> {
  const dump = await readDumpInfo(options.dumpPath);
  ensureManifestMatchesDump(options.manifest, dump);
  let restoreSeconds: number;
  try {
    ({ seconds: restoreSeconds } = await restoreBackup({
      dumpPath: options.dumpPath,
      connectionString: options.connectionString,
      clean: options.clean,
      ...(options.jobs ? { jobs: options.jobs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }));
  } catch (error) {
    const client = await options.pool.connect();
    const state = await describeDatabaseState(client, options.manifest, options.databaseName)
      .catch(
        (probe: unknown) => `state of database ${options.databaseName} unknown: ${(probe as Error).message}`,
      )
      .finally(() => client.release());
    const detail = error instanceof Error ? error.message.replace(/^tt2: /, '') : String(error);
    throw new RestoreError(`${detail}\n${state}`, {
      cause: error,
      ...(error instanceof RestoreError && error.stderr ? { stderr: error.stderr } : {}),
    });
  }
  const postStarted = performance.now();
  if (options.postRestore !== false) await runPostRestore(options.pool, options.postRestore);
  const rows = options.manifest.tables.reduce((sum, table) => sum + table.rowCount, 0);
  return {
    dump,
    restoreSeconds,
    postRestoreSeconds: (performance.now() - postStarted) / 1000,
    rows,
    rowsPerSecond: rows / restoreSeconds,
  };
}

/** Recovery point: how old the backup's data is when the drill starts, in seconds. */
export function getRecoveryPointSeconds(manifest: BackupManifest, drillStartedAt: Date): number {
  return (drillStartedAt.getTime() - Date.parse(manifest.dump.dumpedAt)) / 1000;
}
