// RTO and RPO as a run measured them.
//  - RTO: wall time from the first task's start to the end of the plan's last task (tp1 in the
//    runbook: the site serving the recovered index). Time the run spent before its first task
//    (environment start, fixture build) is shown apart: a real recovery finds those in place.
//  - RPO: how old the backup's data was when the restore started (tt2's `rpo` measure), and what the
//    ingestion brought back on top of it (tt3's re-ingested packages, their versions and documents).
import { backupVersionName, reingestedPackageOf } from '../drill/record-evidence.ts';
import type { SetupPhaseRecord, TaskRecord } from './report-record.ts';

/** tt2's measure of the backup's age at the restore. */
export const BACKUP_AGE_MEASURE = 'rpo';

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
    /** Steps before the first task (environment start, fixture build…), not part of the RTO. */
    outside?: SetupPhaseRecord[];
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
  setup: readonly SetupPhaseRecord[] | undefined;
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
    .filter((measure) => reingestedPackageOf(measure.name) !== undefined)
    .map((measure) => {
      const name = reingestedPackageOf(measure.name)!;
      return {
        package: name,
        fromVersion: versions[backupVersionName(name)] ?? '(unknown)',
        toVersion: versions[name] ?? '(unknown)',
        documents: measure.value,
      };
    });
  return {
    rto: {
      ...measureRto(tasks, endTaskId),
      ...(setup === undefined || setup.length === 0 ? {} : { outside: [...setup] }),
    },
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
