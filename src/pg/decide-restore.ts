// What tt2 restores into. Ephemeral: the drill's own database. Cluster: by default a *restore
// test* (a scratch database, or a throwaway server, created, verified and dropped: the live
// database is only read); restoring over the live database is a *declared recovery*, which needs
// --allow-restore (DRILL_ALLOW_RESTORE, set by the safety check) and DRILL_CONFIRM_RESTORE naming it.
// Upstream's post-restore step runs only on a restore into a declared non-production database.
import type { DrillTarget } from '../env/drill-env.ts';
import { resolveEnvironmentKind, type RestoreConfig, type RestoreTestServer } from './restore-config.ts';
import { RestoreError } from './restore-error.ts';

export type RestorePlan =
  | { kind: 'drill-database'; clean: boolean; postRestore: boolean }
  | { kind: 'restore-test'; server: RestoreTestServer }
  | { kind: 'declared-recovery'; clean: boolean; postRestore: boolean };

export interface RestoreTarget {
  target: DrillTarget;
  host: string;
  database: string;
  /** Tables already in the database (outside system schemas). */
  tableCount: number;
}

export function decideRestore(where: RestoreTarget, config: RestoreConfig): RestorePlan {
  const name = `${where.host}/${where.database}`;
  const postRestore = resolveEnvironmentKind(config, where.target) === 'non-production';
  if (where.target === 'ephemeral')
    return { kind: 'drill-database', clean: where.tableCount > 0, postRestore };
  if (!config.allowRestore) return { kind: 'restore-test', server: config.restoreTestServer };
  if (config.confirmRestore === undefined) {
    throw new RestoreError(
      `a declared recovery over ${name} (--allow-restore) also needs DRILL_CONFIRM_RESTORE=${name}: nothing restored`,
    );
  }
  if (config.confirmRestore !== name) {
    throw new RestoreError(
      `DRILL_CONFIRM_RESTORE names ${config.confirmRestore}, the live database is ${name}: nothing restored`,
    );
  }
  return { kind: 'declared-recovery', clean: where.tableCount > 0, postRestore };
}

/** One line for the report: what tt2 restores into and whether post-restore follows. */
export function describeRestorePlan(plan: RestorePlan, name: string): string {
  const post = (on: boolean) =>
    on ? 'then upstream post-restore (environment declared non-production)' : 'no post-restore (production)';
  switch (plan.kind) {
    case 'drill-database':
      return `restore into the drill's database ${name}, ${post(plan.postRestore)}`;
    case 'restore-test':
      return plan.server === 'same-server'
        ? `restore test into a scratch database on the server of ${name} (created, verified, dropped); ${name} is only read`
        : `restore test into a throwaway PostgreSQL (started, verified, stopped); ${name} is only read`;
    case 'declared-recovery':
      return `declared recovery: pg_restore over the live database ${name}, ${post(plan.postRestore)}`;
  }
}
