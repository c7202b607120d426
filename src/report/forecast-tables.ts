// The forecast and the findings as tables of text cells: report.md and index.html render the same.
import type { TaskVerdict } from '../forecast/index.ts';
import { formatDuration } from './history/format-history.ts';
import type { DrillReport } from './report-record.ts';

export interface TextTable {
  head: string[];
  rows: string[][];
}

const NONE = '–';

export function forecastTable({ forecast, tasks }: DrillReport): TextTable {
  const label = (id: string) => `${id} — ${tasks.find((task) => task.id === id)?.label ?? ''}`;
  return {
    head: ['Task', 'Fixed', 'Throughput', 'Production volume', 'Calibration', 'Forecast'],
    rows: forecast.tasks.map((task) => [
      label(task.taskId),
      task.fixedSeconds === undefined ? NONE : formatDuration(task.fixedSeconds),
      task.throughput === undefined ? NONE : `${formatCount(task.throughput.value)} ${task.throughput.unit}`,
      task.productionVolume === undefined
        ? NONE
        : `${formatCount(task.productionVolume.value)} ${task.productionVolume.unit} (${task.productionVolume.from})`,
      task.calibration === undefined
        ? NONE
        : `×${task.calibration.factor.toFixed(2)} over ${task.calibration.pairs} cluster run(s)`,
      task.seconds === undefined
        ? `no forecast: ${task.note}`
        : `${formatDuration(task.seconds)} (${task.note})`,
    ]),
  };
}

/** The forecast's total and each past forecast's error, in sentences. */
export function forecastSummary({ forecast }: DrillReport): string[] {
  const missing = forecast.tasks.filter((task) => task.seconds === undefined).map((task) => task.taskId);
  const total =
    forecast.totalSeconds === undefined
      ? `No total forecast: no forecast for ${missing.join(', ')}.`
      : `Forecast of a recovery on production, tasks one after the other: ${formatDuration(forecast.totalSeconds)}.`;
  const errors =
    forecast.pastErrors.length === 0
      ? [
          'No cluster run in history.jsonl measured a task an earlier run had forecast: the model is not calibrated.',
        ]
      : forecast.pastErrors.map(
          (error) =>
            `${error.taskId}: run ${error.forecastRunId} forecast ${formatDuration(error.forecastSeconds)}, ` +
            `cluster run ${error.clusterRunId} measured ${formatDuration(error.measuredSeconds)} ` +
            `(${error.error >= 0 ? '+' : ''}${Math.round(error.error * 100)} %).`,
        );
  return [total, ...errors];
}

export function findingsTable({ findings }: DrillReport): TextTable {
  const measured = (entry: { runId: string; seconds: number } | undefined) =>
    entry === undefined ? NONE : `${formatDuration(entry.seconds)} (${entry.runId})`;
  return {
    head: ['Task', 'Estimate', 'Last cluster run', 'Last ephemeral run', 'Forecast', 'Verdict'],
    rows: [
      ...findings.tasks.map((task) => [
        `${task.taskId} — ${task.label}`,
        formatDuration(task.estimateSeconds),
        measured(task.lastCluster),
        measured(task.lastEphemeral),
        task.forecastSeconds === undefined ? NONE : formatDuration(task.forecastSeconds),
        describeVerdict(task.verdict),
      ]),
      ...findings.page.map((finding) => [
        `${finding.taskId ?? 'runbook'} (${finding.kind})`,
        NONE,
        NONE,
        NONE,
        NONE,
        finding.message,
      ]),
    ],
  };
}

export function describeVerdict(verdict: TaskVerdict): string {
  if (verdict.verdict === 'no forecast') return 'no forecast: nothing to judge the estimate by';
  if (verdict.verdict === 'holds') return 'holds';
  return `${verdict.verdict} by ×${verdict.factor.toFixed(1)}`;
}

/** 12345.6 → "12 346": counts and rates, rounded, with thin grouping. */
function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US').replaceAll(',', ' ');
}
