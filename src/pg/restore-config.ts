// The restore task's settings, from DRILL_* variables (the CLI maps --backup, --manifest,
// --allow-clean and --confirm-restore onto them), validated in one pass.
import { z } from 'zod';
import { RestoreError } from './restore-error.ts';

export interface RestoreConfig {
  /** DRILL_BACKUP: custom-format dump to restore (default: the generated fixture). */
  backupPath?: string;
  /** DRILL_MANIFEST: its manifest (default: `<dump>.manifest.json` beside the dump). */
  manifestPath?: string;
  /** DRILL_ALLOW_CLEAN=1: a cluster database holding data may be dropped and restored. */
  allowClean: boolean;
  /** DRILL_CONFIRM_RESTORE=<host/database>: the cluster database the user agrees to restore into. */
  confirmRestore?: string;
  /** DRILL_RESTORE_JOBS: pg_restore --jobs (default: CPU count). */
  jobs?: number;
}

const flag = z.enum(['', '0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const envSchema = z.object({
  DRILL_BACKUP: z.string().min(1).optional(),
  DRILL_MANIFEST: z.string().min(1).optional(),
  DRILL_ALLOW_CLEAN: flag.optional(),
  DRILL_CONFIRM_RESTORE: z
    .string()
    .regex(/^[^/\s]+\/[^/\s]+$/, 'expected <host>/<database>')
    .optional(),
  DRILL_RESTORE_JOBS: z.coerce.number().int().min(1).max(64).optional(),
});

export function readRestoreConfig(env: NodeJS.ProcessEnv = process.env): RestoreConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) =>
        `${issue.path.join('.')}: ${issue.message}, found ${JSON.stringify(env[String(issue.path[0])])}`,
    );
    throw new RestoreError(`restore settings are invalid:\n  ${problems.join('\n  ')}`, {
      cause: parsed.error,
    });
  }
  const value = parsed.data;
  return {
    ...(value.DRILL_BACKUP ? { backupPath: value.DRILL_BACKUP } : {}),
    ...(value.DRILL_MANIFEST ? { manifestPath: value.DRILL_MANIFEST } : {}),
    allowClean: value.DRILL_ALLOW_CLEAN ?? false,
    ...(value.DRILL_CONFIRM_RESTORE ? { confirmRestore: value.DRILL_CONFIRM_RESTORE } : {}),
    ...(value.DRILL_RESTORE_JOBS ? { jobs: value.DRILL_RESTORE_JOBS } : {}),
  };
}
