// The run's forecast for production and its findings on the runbook (src/forecast), from the
// finished report, the production volumes and the runs recorded before this one.
import {
  buildFindings,
  forecastTasks,
  type ForecastTable,
  type PastRun,
  type ProductionVolumes,
  type RunbookFindings,
} from '../forecast/index.ts';
import type { DrillReport } from './report-record.ts';

export function forecastForReport(
  report: Omit<DrillReport, 'forecast' | 'findings'>,
  volumes: ProductionVolumes,
  history: readonly PastRun[],
): { forecast: ForecastTable; findings: RunbookFindings } {
  const forecast = forecastTasks({
    target: report.target,
    runId: report.runId,
    tasks: report.tasks,
    volumes,
    history,
  });
  const current: PastRun = { runId: report.runId, target: report.target, tasks: report.tasks };
  const findings = buildFindings({
    planTasks: report.tasks,
    runs: [...history, current],
    forecast,
    lint: report.lint,
    warnings: report.tasks.flatMap((task) => task.warnings.map((warning) => ({ taskId: task.id, warning }))),
  });
  return { forecast, findings };
}
