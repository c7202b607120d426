// The restore task's settings, from DRILL_* variables (the CLI maps --backup, --manifest,
// --allow-restore, --non-production and --restore-test onto them; src/config declares and checks them).
import { ENVIRONMENT_KINDS, readDrillVariables, RESTORE_TEST_SERVERS } from '../config/index.ts';
import type { DrillTarget } from '../env/drill-env.ts';

export { ENVIRONMENT_KINDS, RESTORE_TEST_SERVERS };
/** Where a cluster's restore test restores: a scratch database on the live server, or a throwaway server. */
export type RestoreTestServer = (typeof RESTORE_TEST_SERVERS)[number];
/** production: the backup is restored as it is; non-production: upstream's post-restore step follows. */
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

export interface RestoreConfig {
  /** DRILL_BACKUP: custom-format dump to restore (default: the generated fixture). */
  backupPath?: string;
  /** DRILL_MANIFEST: its manifest (default: `<dump>.manifest.json` beside the dump). */
  manifestPath?: string;
  /** DRILL_ALLOW_RESTORE=1 (set from --allow-restore only): a declared recovery over the live database. */
  allowRestore: boolean;
  /** DRILL_CONFIRM_RESTORE=<host/database>: the live database the declared recovery restores over. */
  confirmRestore?: string;
  /** DRILL_ENVIRONMENT_KIND (--non-production); default: non-production on the ephemeral target, production on a cluster. */
  environmentKind?: EnvironmentKind;
  /** DRILL_RESTORE_TEST (--restore-test): where a cluster's restore test restores (default same-server). */
  restoreTestServer: RestoreTestServer;
  /** DRILL_RESTORE_JOBS: pg_restore --jobs (default: CPU count). */
  jobs?: number;
}

export function readRestoreConfig(env: NodeJS.ProcessEnv = process.env): RestoreConfig {
  const value = readDrillVariables(env);
  return {
    ...(value.DRILL_BACKUP ? { backupPath: value.DRILL_BACKUP } : {}),
    ...(value.DRILL_MANIFEST ? { manifestPath: value.DRILL_MANIFEST } : {}),
    allowRestore: value.DRILL_ALLOW_RESTORE,
    ...(value.DRILL_CONFIRM_RESTORE ? { confirmRestore: value.DRILL_CONFIRM_RESTORE } : {}),
    ...(value.DRILL_ENVIRONMENT_KIND ? { environmentKind: value.DRILL_ENVIRONMENT_KIND } : {}),
    restoreTestServer: value.DRILL_RESTORE_TEST,
    ...(value.DRILL_RESTORE_JOBS ? { jobs: value.DRILL_RESTORE_JOBS } : {}),
  };
}

/** The declared kind, else the target's default: the ephemeral drill plays a preprod loading a production backup. */
export function resolveEnvironmentKind(
  config: Pick<RestoreConfig, 'environmentKind'>,
  target: DrillTarget,
): EnvironmentKind {
  return config.environmentKind ?? (target === 'ephemeral' ? 'non-production' : 'production');
}
