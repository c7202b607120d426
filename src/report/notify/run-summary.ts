// The short text a chat channel gets: verdict, total against budget, failed tasks.
import { formatSeconds } from '../../runbook/index.ts';
import { formatDuration } from '../history/index.ts';
import type { DrillReport } from '../report-record.ts';

const ICON: Record<DrillReport['verdict'], string> = {
  passed: ':white_check_mark:',
  failed: ':x:',
  'over-budget': ':warning:',
};

export function runSummary(report: DrillReport): string {
  const failed = report.tasks.filter((task) => task.status === 'failed');
  return [
    `${ICON[report.verdict]} Recovery drill ${report.runId} (${report.target}): **${report.verdict}**`,
    `Total ${formatDuration(report.totalSeconds)} of a ${formatSeconds(report.runbook.budgetSeconds)} budget`,
    failed.length === 0
      ? 'No task failed.'
      : `Failed: ${failed.map((task) => `${task.id} — ${task.label}`).join(', ')}`,
  ].join('\n');
}
