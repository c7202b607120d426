// Whether the task restores or only verifies. Ephemeral: the drill's own database, always restored.
// Cluster: nothing is restored unless DRILL_CONFIRM_RESTORE names the database, and a database
// that holds data is never dropped unless DRILL_ALLOW_CLEAN=1 as well.
import type { DrillTarget } from '../env/drill-env.ts';
import type { RestoreConfig } from './restore-config.ts';
import { RestoreError } from './restore-error.ts';

export type RestoreDecision =
  { action: 'restore'; clean: boolean } | { action: 'verify-only'; reason: string };

export interface RestoreTarget {
  target: DrillTarget;
  host: string;
  database: string;
  /** Tables already in the database (outside system schemas). */
  tableCount: number;
}

export function decideRestore(where: RestoreTarget, config: RestoreConfig): RestoreDecision {
  const name = `${where.host}/${where.database}`;
  if (where.target === 'ephemeral') return { action: 'restore', clean: where.tableCount > 0 };
  if (config.confirmRestore === undefined) {
    return {
      action: 'verify-only',
      reason: `no restore into ${name} without DRILL_CONFIRM_RESTORE=${name}: the live database is verified read-only`,
    };
  }
  if (config.confirmRestore !== name) {
    throw new RestoreError(
      `DRILL_CONFIRM_RESTORE names ${config.confirmRestore}, the target database is ${name}: nothing restored`,
    );
  }
  if (where.tableCount > 0 && !config.allowClean) {
    throw new RestoreError(
      `database ${name} already holds ${where.tableCount} tables: restoring over it needs DRILL_ALLOW_CLEAN=1 with DRILL_CONFIRM_RESTORE=${name}; nothing restored`,
    );
  }
  return { action: 'restore', clean: where.tableCount > 0 };
}
