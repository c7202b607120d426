// Across runs: the total of each recorded run against the budget, and each task of this run
// against its median over the earlier runs, flagged when slower than 1.5× that median.
import { formatDuration, SLOW_FACTOR, taskTrends, type HistoryEntry } from '../history/index.ts';
import { escapeHtml } from './escape-html.ts';

const WIDTH = 480;
const HEIGHT = 80;
/** Runs the chart shows, the latest last. */
const RUNS_SHOWN = 30;

/** `current` is this run's entry; `earlier` the runs recorded before it, oldest first. */
export function renderTrendSection(current: HistoryEntry, earlier: readonly HistoryEntry[]): string {
  if (earlier.length === 0)
    return '<section class="trend"><h2>Trend</h2><p>First recorded run: no earlier run to compare with.</p></section>';
  const trends = taskTrends(current, earlier);
  const rows = trends.map((trend) => {
    const cells = [
      trend.id,
      trend.medianSeconds === undefined ? '–' : formatDuration(trend.medianSeconds),
      formatDuration(trend.actualSeconds),
      String(trend.runs),
      trend.slow ? `slower than ${SLOW_FACTOR}× its median` : '',
    ];
    return `<tr${trend.slow ? ' class="slow"' : ''} data-task="${escapeHtml(trend.id)}">${cells
      .map((cell) => `<td>${escapeHtml(cell)}</td>`)
      .join('')}</tr>`;
  });
  return [
    '<section class="trend">',
    '<h2>Trend</h2>',
    totalChart([...earlier, current].slice(-RUNS_SHOWN)),
    '<table class="medians"><thead><tr><th>Task</th><th>Median of earlier runs</th><th>This run</th><th>Runs</th><th></th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function totalChart(entries: readonly HistoryEntry[]): string {
  const top = Math.max(...entries.map((entry) => Math.max(entry.totalSeconds, entry.budgetSeconds)), 1);
  const step = entries.length > 1 ? WIDTH / (entries.length - 1) : 0;
  const y = (seconds: number): number => HEIGHT - (seconds / top) * (HEIGHT - 4);
  const points = entries.map(
    (entry, index) => `${(index * step).toFixed(1)},${y(entry.totalSeconds).toFixed(1)}`,
  );
  const budget = y(entries.at(-1)?.budgetSeconds ?? top).toFixed(1);
  const dots = entries.map(
    (entry, index) =>
      `<circle class="run ${escapeHtml(entry.verdict)}" cx="${(index * step).toFixed(1)}" cy="${y(entry.totalSeconds).toFixed(1)}" r="3"><title>${escapeHtml(
        `${entry.runId}: ${entry.verdict}, ${formatDuration(entry.totalSeconds)}`,
      )}</title></circle>`,
  );
  return [
    `<svg class="totals" role="img" aria-label="Total duration of the recorded runs" xmlns="http://www.w3.org/2000/svg" viewBox="-4 -4 ${WIDTH + 8} ${HEIGHT + 8}" width="${WIDTH + 8}" height="${HEIGHT + 8}">`,
    `<line class="budget-line" x1="0" y1="${budget}" x2="${WIDTH}" y2="${budget}"/>`,
    `<polyline class="total-line" points="${points.join(' ')}"/>`,
    ...dots,
    '</svg>',
  ].join('\n');
}
