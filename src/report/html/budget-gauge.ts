// The budget gauge: time used against the runbook's budget; for an ephemeral run, how many times
// faster than the plan it went (its compression against the planned durations).
import type { DrillReport } from '../report-record.ts';
import { formatDuration } from '../history/index.ts';
import { formatSeconds } from '../../runbook/index.ts';
import { escapeHtml } from './escape-html.ts';

const WIDTH = 480;

export function renderBudgetGauge(report: DrillReport): string {
  const budget = report.runbook.budgetSeconds;
  const used = report.totalSeconds;
  const share = budget > 0 ? used / budget : 0;
  const fill = Math.min(1, share) * WIDTH;
  const over = used > budget;
  const planned = report.tasks.reduce((sum, task) => sum + task.estimateSeconds, 0);
  const compression =
    report.target === 'ephemeral' && used > 0
      ? `<p class="compression">Compression against the plan: ×${escapeHtml(formatFactor(planned / used))} (${escapeHtml(
          formatSeconds(planned),
        )} planned for the tasks run, ${escapeHtml(formatDuration(used))} taken)</p>`
      : '';
  return [
    '<section class="budget">',
    '<h2>Budget</h2>',
    `<svg class="gauge" role="img" aria-label="Time used against the budget" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} 24" width="${WIDTH}" height="24">`,
    `<rect class="gauge-track" x="0" y="0" width="${WIDTH}" height="24"/>`,
    `<rect class="gauge-fill${over ? ' overrun' : ''}" x="0" y="0" width="${fill.toFixed(1)}" height="24"/>`,
    '</svg>',
    `<p class="budget-text">${escapeHtml(formatDuration(used))} used of a ${escapeHtml(formatSeconds(budget))} budget (${escapeHtml(
      (share * 100).toFixed(share < 0.01 ? 3 : 1),
    )} %)${over ? ' — <strong class="overrun-text">over budget</strong>' : ''}</p>`,
    compression,
    '</section>',
  ].join('\n');
}

function formatFactor(factor: number): string {
  return factor >= 10 ? Math.round(factor).toLocaleString('en') : factor.toFixed(2);
}
