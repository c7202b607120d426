// One log line per package of an ingest job: what it ingested and how long that took, as an image
// of the reference ingester logs it; tt3 reads it back from the Job's pod log on a cluster for the
// forecast's per-package throughputs. A real cron-ingester logs otherwise: nothing is read then.
import type { IngestResult } from './ingest-result.ts';

export interface IngestedPackageLine {
  package: string;
  documents: number;
  seconds: number;
}

const INGESTED = /(@[\w.-]+\/[\w.-]+) \S+ → \S+: (\d+) documents in ([\d.]+) s$/;

export function formatIngestLogLine(result: IngestResult): string {
  if (result.skipped) return `${result.package} skipped (${result.skippedReason})`;
  const seconds = (result.durationMs / 1000).toFixed(1);
  return `${result.package} ${result.fromVersion ?? '(none)'} → ${result.toVersion}: ${result.documentsUpserted} documents in ${seconds} s`;
}

export function parseIngestLogLines(lines: readonly string[]): IngestedPackageLine[] {
  return lines.flatMap((line) => {
    const match = INGESTED.exec(line);
    return match === null
      ? []
      : [{ package: match[1]!, documents: Number(match[2]), seconds: Number(match[3]) }];
  });
}
