// gt2's backup check: the dump is there, pg_restore can read it, and it is young enough (its age
// is the RPO: the data written since the dump is what a restore loses).
import { access, constants } from 'node:fs/promises';
import { readDumpInfo, type DumpInfo } from '../pg/index.ts';
import { CheckError } from './check-error.ts';

export interface BackupCheck {
  info: DumpInfo;
  ageHours: number;
}

export interface CheckBackupOptions {
  path?: string;
  maxAgeHours: number;
  now?: Date;
  task?: string;
}

/** The dump the checks read: DRILL_BACKUP (--backup); the ephemeral environment sets it to its fixture. */
export function requireBackupPath(path: string | undefined, task: string): string {
  if (path !== undefined) return path;
  throw new CheckError({
    task,
    object: 'backup',
    expected: 'a dump named by DRILL_BACKUP (--backup)',
    found: 'none',
  });
}

export async function checkBackup(options: CheckBackupOptions): Promise<BackupCheck> {
  const task = options.task ?? 'gt2';
  const path = requireBackupPath(options.path, task);
  const object = `backup ${path}`;
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    const found =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new CheckError(
      { task, object, expected: 'a readable file (DRILL_BACKUP)', found },
      { cause: error },
    );
  }
  let info: DumpInfo;
  try {
    info = await readDumpInfo(path);
  } catch (error) {
    const found = (error as Error).message;
    throw new CheckError(
      { task, object, expected: 'a custom-format dump pg_restore -l can list', found },
      { cause: error },
    );
  }
  const now = options.now ?? new Date();
  const ageHours = (now.getTime() - Date.parse(info.dumpedAt)) / 3_600_000;
  if (ageHours > options.maxAgeHours) {
    throw new CheckError({
      task,
      object,
      expected: `a dump at most ${options.maxAgeHours} h old (DRILL_MAX_BACKUP_AGE_HOURS)`,
      found: `one dumped at ${info.dumpedAt}, ${ageHours.toFixed(1)} h ago`,
    });
  }
  return { info, ageHours };
}
