// RTO and RPO in sentences, the same in report.md and index.html.
import { formatDuration } from './history/format-history.ts';
import type { RecoveryObjectives } from './recovery-objectives.ts';

export function describeRto({ rto }: RecoveryObjectives): string {
  const measured =
    rto.seconds === undefined
      ? `RTO not measured: ${rto.reason}.`
      : `RTO ${formatDuration(rto.seconds)}: from the start of ${rto.fromTaskId} to the end of ${rto.toTaskId}.`;
  if (rto.outside === undefined) return measured;
  const parts = rto.outside.map((phase) => `${phase.name} ${formatDuration(phase.seconds)}`);
  return `${measured} Before the first task, not counted: ${parts.join(', ')}.`;
}

export function describeRpo({ rpo }: RecoveryObjectives): string[] {
  const age =
    rpo.backupAgeSeconds === undefined
      ? 'RPO not measured: no restore measured the age of the backup.'
      : `RPO ${formatDuration(rpo.backupAgeSeconds)}: the age of the backup's data when the restore started.`;
  const reingested =
    rpo.reingested.length === 0
      ? ['The ingestion brought nothing back (no package newer than the backup was re-ingested).']
      : rpo.reingested.map(
          (entry) =>
            `The ingestion brought back ${entry.package} ${entry.fromVersion} → ${entry.toVersion}: ${entry.documents} documents.`,
        );
  return [age, ...reingested];
}
