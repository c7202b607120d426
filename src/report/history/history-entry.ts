// One line of reports/history.jsonl: what a later run needs to compare itself with this one.
import { rawForecasts, runVolumes } from '../../forecast/index.ts';
import type { DrillReport, TaskStatus, Verdict } from '../report-record.ts';

export interface HistoryTask {
  id: string;
  actualSeconds: number;
  status: TaskStatus;
}

export interface HistoryEntry {
  runId: string;
  startedAt: string;
  target: DrillReport['target'];
  verdict: Verdict;
  totalSeconds: number;
  budgetSeconds: number;
  tasks: HistoryTask[];
  /** The forecast model's output for production (uncalibrated), per task: what cluster runs calibrate. */
  forecastSeconds?: Record<string, number>;
  /** A cluster run's volume per modeled task: the production volumes later forecasts may take. */
  volumes?: Record<string, number>;
}

export function toHistoryEntry(report: DrillReport): HistoryEntry {
  return {
    runId: report.runId,
    startedAt: report.startedAt,
    target: report.target,
    verdict: report.verdict,
    totalSeconds: report.totalSeconds,
    budgetSeconds: report.runbook.budgetSeconds,
    tasks: report.tasks.map(({ id, actualSeconds, status }) => ({ id, actualSeconds, status })),
    forecastSeconds: rawForecasts(report.forecast.tasks),
    ...(report.target === 'cluster' ? { volumes: runVolumes(report.tasks) } : {}),
  };
}
