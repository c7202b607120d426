// Findings on the runbook, for an auditor: per task, its estimate against what runs measured and
// what the forecast says production takes, with a verdict; then the page's own contradictions
// (lint: gantt vs text vs total), the drift the checks found (gt2/gt3 warnings) and the upstream
// defects a drill saw at work (tt3: an ingestion that failed midway).
import { lastPassed, type PastRun } from './calibration.ts';
import type { ForecastTable } from './forecast-tasks.ts';

/** An estimate holds while the forecast stays within this factor of it, either way. */
export const VERDICT_FACTOR = 1.5;
/** How drills mark a warning that is a finding (src/checks/settle-probes.ts, drills/gt2, drills/tt3). */
const FINDING_MARKS = { drift: 'runbook drift: ', upstream: 'upstream defect: ' } as const;

export type TaskVerdict =
  | { verdict: 'holds'; factor: number }
  | { verdict: 'too short' | 'too long'; factor: number }
  | { verdict: 'no forecast' };

export interface TaskFinding {
  taskId: string;
  label: string;
  estimateSeconds: number;
  lastCluster?: { runId: string; seconds: number };
  lastEphemeral?: { runId: string; seconds: number };
  forecastSeconds?: number;
  verdict: TaskVerdict;
}

export interface PageFinding {
  kind: 'lint' | keyof typeof FINDING_MARKS;
  taskId?: string;
  message: string;
}

export interface RunbookFindings {
  tasks: TaskFinding[];
  page: PageFinding[];
}

export interface FindingsInput {
  planTasks: readonly { id: string; label: string; estimateSeconds: number }[];
  /** history.jsonl and the current run last, oldest first. */
  runs: readonly PastRun[];
  forecast: ForecastTable;
  lint: readonly { message: string; taskId?: string }[];
  /** The current run's tasks' warnings. */
  warnings: readonly { taskId: string; warning: string }[];
}

export function buildFindings({ planTasks, runs, forecast, lint, warnings }: FindingsInput): RunbookFindings {
  const tasks = planTasks.map((task) => {
    const forecastSeconds = forecast.tasks.find((entry) => entry.taskId === task.id)?.seconds;
    const lastCluster = lastPassed(runs, task.id, (target) => target === 'cluster');
    const lastEphemeral = lastPassed(runs, task.id, (target) => target !== 'cluster');
    return {
      taskId: task.id,
      label: task.label,
      estimateSeconds: task.estimateSeconds,
      ...(lastCluster && { lastCluster }),
      ...(lastEphemeral && { lastEphemeral }),
      ...(forecastSeconds !== undefined && { forecastSeconds }),
      verdict: judge(task.estimateSeconds, forecastSeconds),
    };
  });
  const page: PageFinding[] = [
    ...lint.map((finding) => ({
      kind: 'lint' as const,
      ...(finding.taskId && { taskId: finding.taskId }),
      message: finding.message,
    })),
    ...Object.entries(FINDING_MARKS).flatMap(([kind, mark]) =>
      warnings
        .filter(({ warning }) => warning.includes(mark))
        .map(({ taskId, warning }) => ({
          kind: kind as keyof typeof FINDING_MARKS,
          taskId,
          message: warning.slice(warning.indexOf(mark) + mark.length),
        })),
    ),
  ];
  return { tasks, page };
}

export function judge(estimateSeconds: number, forecastSeconds: number | undefined): TaskVerdict {
  if (forecastSeconds === undefined || estimateSeconds <= 0) return { verdict: 'no forecast' };
  const ratio = forecastSeconds / estimateSeconds;
  if (ratio > VERDICT_FACTOR) return { verdict: 'too short', factor: ratio };
  if (ratio < 1 / VERDICT_FACTOR) return { verdict: 'too long', factor: 1 / ratio };
  return { verdict: 'holds', factor: ratio };
}
