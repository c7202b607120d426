// pg_restore of a custom-format dump into a database, through execa. The connection goes in
// PG* variables so the password never appears on a command line or in an error message.
import { availableParallelism } from 'node:os';
import { execa } from 'execa';
import { RestoreError } from './restore-error.ts';

export interface RestoreBackupOptions {
  dumpPath: string;
  /** postgres:// URL of the target database. */
  connectionString: string;
  /** Parallel jobs (default: the CPU count). */
  jobs?: number;
  /** Drop the dump's objects first (`--clean --if-exists`): only over a database the user named. */
  clean?: boolean;
  signal?: AbortSignal;
}

export interface RestoreBackupResult {
  /** The command run, without credentials. */
  command: string;
  seconds: number;
  stderr: string;
}

export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreBackupResult> {
  const args = getRestoreArgs(options);
  const started = performance.now();
  const result = await execa('pg_restore', args, {
    env: getPgEnv(options.connectionString),
    reject: false,
    ...(options.signal ? { cancelSignal: options.signal } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const command = `pg_restore ${args.join(' ')}`;
  if (result.failed) {
    const why = result.isCanceled ? 'was cancelled' : `exited with code ${result.exitCode ?? result.signal}`;
    throw new RestoreError(`${command} ${why} after ${seconds.toFixed(1)} s:\n${result.stderr.trim()}`, {
      cause: result,
      stderr: result.stderr,
    });
  }
  return { command, seconds, stderr: result.stderr };
}

export function getRestoreArgs(options: RestoreBackupOptions): string[] {
  const jobs = options.jobs ?? availableParallelism();
  return [
    '--no-owner',
    '--no-acl',
    '--exit-on-error',
    `--jobs=${jobs}`,
    ...(options.clean ? ['--clean', '--if-exists'] : []),
    // Without --dbname pg_restore would print a script instead of restoring.
    `--dbname=${getPgEnv(options.connectionString).PGDATABASE}`,
    options.dumpPath,
  ];
}

/** PGHOST/PGPORT/PGUSER/PGPASSWORD for the libpq tools, from a postgres:// URL. */
export function getPgEnv(connectionString: string): Record<string, string> {
  const url = new URL(connectionString);
  return {
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username),
    ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}),
    PGDATABASE: decodeURIComponent(url.pathname.slice(1)) || 'postgres',
  };
}
