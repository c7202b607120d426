// reports/<runId>/index.html: one self-contained page (inline CSS and SVG, no script, no network)
// for the people who read the run: verdict, budget, timeline, tasks, lint, trend, versions.
import type { Plan } from '../../runbook/plan.ts';
import { formatDuration, toHistoryEntry, type HistoryEntry } from '../history/index.ts';
import type { DrillRunRecord } from '../report-record.ts';
import { renderBudgetGauge } from './budget-gauge.ts';
import { escapeHtml } from './escape-html.ts';
import { REPORT_CSS } from './report-css.ts';
import { renderTaskDetails } from './task-details.ts';
import { renderTimelineSvg, wallTimeParts } from './timeline-svg.ts';
import { renderTrendSection } from './trend-section.ts';

export interface ReportHtmlInput {
  record: DrillRunRecord;
  plan: Plan;
  /** The runs recorded before this one (reports/history.jsonl), oldest first. */
  earlierRuns: readonly HistoryEntry[];
}

export function renderReportHtml({ record, plan, earlierRuns }: ReportHtmlInput): string {
  const { report } = record;
  const title = `Recovery drill ${report.runId}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // No script, no outside resource: nothing to load, nothing to run.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(`${title}: ${report.verdict}`)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body>',
    `<h1>${escapeHtml(title)} <span class="verdict ${escapeHtml(report.verdict)}" data-role="verdict">${escapeHtml(report.verdict)}</span></h1>`,
    `<p class="meta">Target ${escapeHtml(report.target)}, runbook <code>${escapeHtml(report.runbook.path)}</code>, from ${escapeHtml(
      report.startedAt,
    )} to ${escapeHtml(report.finishedAt)}.</p>`,
    renderBudgetGauge(report),
    '<section class="timeline-section"><h2>Timeline</h2>',
    '<p class="legend"><span><i style="background:#b8c4d6"></i>planned</span><span><i style="background:#4a5f85"></i>planned, critical path (◆)</span><span><i style="background:#2f8f4e"></i>actual</span><span><i style="background:#d93025"></i>overrun or failed</span><span><i style="background:#8e7cc3"></i>outside the tasks</span></p>',
    renderWallTime(report),
    renderTimelineSvg(report, plan),
    '</section>',
    '<section class="tasks"><h2>Tasks</h2>',
    ...report.tasks.map((task) => renderTaskDetails(task, record.assertions)),
    '</section>',
    renderLint(record),
    renderTrendSection(toHistoryEntry(report), earlierRuns),
    renderVersions(report.versions),
    '</body></html>',
    '',
  ].join('\n');
}

/** The wall time, accounted for: steps before the first task, the tasks, the rest. */
function renderWallTime(report: DrillRunRecord['report']): string {
  if (report.wallSeconds === undefined) return '';
  const parts = wallTimeParts(report);
  const steps = (report.setup ?? []).map((phase) => `${phase.name} ${formatDuration(phase.seconds)}`);
  return `<p class="wall" data-role="wall">${escapeHtml(
    `Wall time ${formatDuration(report.wallSeconds)}: ${
      steps.length > 0 ? `before the first task ${formatDuration(parts.setup)} (${steps.join(', ')}), ` : ''
    }tasks ${formatDuration(parts.tasks)}, between and after the tasks ${formatDuration(parts.other)}.`,
  )}</p>`;
}

function renderLint({ report }: DrillRunRecord): string {
  const drift = report.tasks.filter(
    (task) => task.status !== 'skipped' && task.actualSeconds > task.estimateSeconds,
  );
  const items = [
    ...report.lint.map(
      (finding) =>
        `<li class="warning">${escapeHtml(`${finding.severity} ${finding.rule}${finding.line === undefined ? '' : ` (line ${finding.line})`}: ${finding.message}`)}</li>`,
    ),
    ...drift.map(
      (task) =>
        `<li class="warning">${escapeHtml(`drift ${task.id}: took ${formatDuration(task.actualSeconds)}, the runbook estimates ${formatDuration(task.estimateSeconds)}`)}</li>`,
    ),
  ];
  return [
    '<section class="lint"><h2>Runbook lint and drift</h2>',
    items.length === 0
      ? '<p>No lint finding; no task took longer than its estimate.</p>'
      : `<ul>${items.join('')}</ul>`,
    '</section>',
  ].join('\n');
}

function renderVersions(versions: Readonly<Record<string, string>> | undefined): string {
  const rows = Object.entries(versions ?? {}).map(
    ([name, value]) => `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
  );
  return [
    '<section class="versions"><h2>Versions</h2>',
    rows.length === 0 ? '<p>No version was recorded.</p>' : `<table>${rows.join('')}</table>`,
    '</section>',
  ].join('\n');
}
