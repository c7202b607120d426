// RTO and RPO as a run measured them.
//  - RTO: wall time from the first task's start to the end of the plan's last task (tp1 in the
//    runbook: the site serving the recovered index). Time the run spent before its first task
//    (environment start, fixture build) is shown apart: a real recovery finds those in place.
//  - RPO: how old the backup's data was when the restore started (tt2's `rpo` measure), and what the
//    ingestion brought back on top of it (tt3's re-ingested packages, their versions and documents).
import type { SetupTimings } from '../drill/run-context.ts';
import type { TaskRecord } from './report-record.ts';

/** tt2's measure of the backup's age at the restore. */
export const BACKUP_AGE_MEASURE = 'rpo';
const REINGESTED_PREFIX = 'reingested ';
const BACKUP_VERSION_SUFFIX = ' in the backup';

/** The measure tt3 records per package it re-ingested: its documents. */
export function reingestedMeasureName(packageName: string): string {
  return `${REINGESTED_PREFIX}${packageName}`;
}

/** The version tt3 records for a package as the backup had it (the served one is under its name). */
export function backupVersionName(packageName: string): string {
  return `${packageName}${BACKUP_VERSION_SUFFIX}`;
}

export interface ReingestedPackage {
  package: string;
  fromVersion: string;
  toVersion: string;
  documents: number;
}

export interface RecoveryObjectives {
  rto: {
    /** Undefined when the last task did not pass: the site was not shown serving the index. */
    seconds?: number;
    fromTaskId?: string;
    toTaskId: string;
    /** Why there is no RTO. */
    reason?: string;
    /** Time before the first task, not part of the RTO. */
    outside?: SetupTimings;
  };
  rpo: {
    /** Age of the backup's data when the restore started; undefined when no restore measured it. */
    backupAgeSeconds?: number;
    reingested: ReingestedPackage[];
  };
}

export interface RecoveryInput {
  tasks: readonly TaskRecord[];
  /** The task whose end means the service is back (the plan's last task). */
  endTaskId: string;
  setup: SetupTimings | undefined;
  versions: Readonly<Record<string, string>>;
}

export function measureRecoveryObjectives({
  tasks,
  endTaskId,
  setup,
  versions,
}: RecoveryInput): RecoveryObjectives {
  const measures = tasks.flatMap((task) => task.measures);
  const backupAge = measures.find((measure) => measure.name === BACKUP_AGE_MEASURE)?.value;
  const reingested = measures
    .filter((measure) => measure.name.startsWith(REINGESTED_PREFIX))
    .map((measure) => {
      const name = measure.name.slice(REINGESTED_PREFIX.length);
      return {
        package: name,
        fromVersion: versions[backupVersionName(name)] ?? '(unknown)',
        toVersion: versions[name] ?? '(unknown)',
        documents: measure.value,
      };
    });
  return {
    rto: { ...measureRto(tasks, endTaskId), ...(setup === undefined ? {} : { outside: setup }) },
    rpo: { ...(backupAge === undefined ? {} : { backupAgeSeconds: backupAge }), reingested },
  };
}

function measureRto(tasks: readonly TaskRecord[], endTaskId: string): RecoveryObjectives['rto'] {
  const end = tasks.find((task) => task.id === endTaskId);
  if (end === undefined) return { toTaskId: endTaskId, reason: `${endTaskId} was not selected in this run` };
  if (end.status !== 'passed' || end.endedAt === undefined)
    return { toTaskId: endTaskId, reason: `${endTaskId} did not pass: the service was not shown back` };
  const first = tasks
    .filter((task) => task.startedAt !== undefined)
    .reduce((a, b) => (Date.parse(a.startedAt!) <= Date.parse(b.startedAt!) ? a : b));
  const seconds = (Date.parse(end.endedAt) - Date.parse(first.startedAt!)) / 1000;
  return { seconds, fromTaskId: first.id, toTaskId: endTaskId };
}
