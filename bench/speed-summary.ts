// The drill's speed as one ratio (issue 17): the full ephemeral drill's wall time over the sum of
// the raw operations it cannot go below, all measured in the same bench on the same machine, so a
// busy machine slows both sides. Which baselines the ratio needs, and from which part each comes:
// PostgreSQL and engine start (env), plain pg_restore (restore), the ingestion run on its own
// (ingest), a raw bulk load of the exported documents for each of the two exports (export).
import {
  figure,
  round,
  type BenchBaseline,
  type BenchPart,
  type BenchPartRecord,
  type SpeedSummary,
} from './bench-results.ts';

/** The baseline parts, and the part whose wall time is compared with their sum. */
const BASELINE_PARTS: readonly BenchPart[] = ['env', 'restore', 'ingest', 'export'];
const DRILL_PART: BenchPart = 'drill';
/** The figure of the drill part that holds its wall time. */
export const DRILL_WALL_FIGURE = 'full ephemeral drill wall time';
export const SPEED_TARGET = { comparison: '<=' as const, value: 1.5, source: 'issue 17' };

export function summariseSpeed(parts: readonly BenchPartRecord[]): SpeedSummary {
  const byPart = new Map(parts.map((record) => [record.part, record]));
  const missing: string[] = [];
  const baselines: BenchBaseline[] = [];
  for (const part of BASELINE_PARTS) {
    const record = byPart.get(part);
    if (record?.status !== 'measured') missing.push(`${part} ${record ? 'failed' : 'not run'}`);
    else if (!record.baselines?.length) missing.push(`${part} recorded no baseline`);
    else baselines.push(...record.baselines);
  }
  const drill = byPart.get(DRILL_PART);
  const drillSeconds =
    drill?.status === 'measured' ? drill.figures.find((f) => f.name === DRILL_WALL_FIGURE)?.value : undefined;
  if (drillSeconds === undefined) missing.push(`${DRILL_PART} ${drill ? 'not measured' : 'not run'}`);
  const baselineSeconds = round(baselines.reduce((sum, baseline) => sum + baseline.seconds, 0));
  return {
    ...(drillSeconds === undefined ? {} : { drillSeconds }),
    baselines,
    baselineSeconds,
    ...(drillSeconds === undefined || missing.length || baselineSeconds === 0
      ? {}
      : {
          ratio: figure('drill / sum of raw baselines', round(drillSeconds / baselineSeconds, 3), 'ratio', {
            target: SPEED_TARGET,
            note: `${drillSeconds} s / ${baselineSeconds} s`,
          }),
        }),
    missing,
  };
}
