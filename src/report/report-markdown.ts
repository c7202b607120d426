// report.md: the task table (estimate, actual, ratio, status) and the run's gantt next to the plan's.
import { formatSeconds } from '../runbook/index.ts';
import type { Plan } from '../runbook/plan.ts';
import { formatDuration } from './history/format-history.ts';
import { markdownTable, renderForecastMarkdown } from './forecast-markdown.ts';
import { describeRpo, describeRto } from './recovery-text.ts';
import type { DrillReport, TaskRecord } from './report-record.ts';

export function renderReportMarkdown(report: DrillReport, plan: Plan): string {
  const budget = `${formatDuration(report.totalSeconds)} of a ${formatSeconds(report.runbook.budgetSeconds)} budget`;
  return [
    `# Recovery drill ${report.runId}: ${report.verdict}`,
    '',
    `Target ${report.target}, runbook \`${report.runbook.path}\`, from ${report.startedAt} to ${report.finishedAt}.`,
    `Total ${budget}; critical path ${formatDuration(report.criticalPathSeconds)}.`,
    '',
    '## Recovery objectives',
    '',
    `- ${describeRto(report.recovery)}`,
    ...describeRpo(report.recovery).map((line) => `- ${line}`),
    '',
    ...markdownTable({
      head: ['Task', 'Estimate', 'Actual', 'Ratio', 'Status'],
      rows: report.tasks.map(taskCells),
    }),
    '',
    ...details(report.tasks),
    ...renderForecastMarkdown(report),
    '## Planned',
    '',
    ...gantt(
      'Planned',
      plan.tasks
        .filter((task) => report.tasks.some((t) => t.id === task.id))
        .map((task) => ({
          section: task.section,
          label: task.label,
          id: task.id,
          start: task.plannedStartSeconds,
          seconds: task.estimateSeconds,
          crit: false,
        })),
    ),
    '',
    '## Run (overruns marked crit)',
    '',
    ...gantt('Run', runBars(report.tasks)),
    '',
  ].join('\n');
}

function taskCells(task: TaskRecord): string[] {
  const ran = task.status !== 'skipped';
  const ratio =
    ran && task.estimateSeconds > 0 ? (task.actualSeconds / task.estimateSeconds).toFixed(2) : '–';
  const status = task.skipReason === undefined ? task.status : `${task.status}: ${task.skipReason}`;
  return [
    `${task.id} — ${task.label}`,
    formatSeconds(task.estimateSeconds),
    ran ? formatDuration(task.actualSeconds) : '–',
    ratio,
    status,
  ];
}

function details(tasks: readonly TaskRecord[]): string[] {
  const lines = tasks.flatMap((task) => [
    ...task.failures.map((failure) => `- ${task.id} failed: ${failure.message.split('\n', 1)[0]}`),
    ...task.warnings.map((warning) => `- ${task.id} warning: ${warning}`),
    ...(task.status === 'skipped' ? [] : task.skippedAssertions).map(
      (name) => `- ${task.id} not run: ${name}`,
    ),
    ...task.measures.map((m) => `- ${task.id} measure: ${m.name} = ${m.value} ${m.unit}`),
  ]);
  return lines.length === 0 ? [] : ['## Failures, warnings and measures', '', ...lines, ''];
}

interface Bar {
  section: string;
  label: string;
  id: string;
  start: number;
  seconds: number;
  crit: boolean;
}

/** Tasks run one after another: the run's bars are laid end to end; skipped tasks take no time. */
function runBars(tasks: readonly TaskRecord[]): Bar[] {
  let start = 0;
  return tasks
    .filter((task) => task.status !== 'skipped')
    .map((task) => {
      const bar = {
        section: task.section,
        label: task.label,
        id: task.id,
        start,
        seconds: task.actualSeconds,
        crit: task.actualSeconds > task.estimateSeconds,
      };
      start += task.actualSeconds;
      return bar;
    });
}

function gantt(title: string, bars: readonly Bar[]): string[] {
  const lines = ['```mermaid', 'gantt', `  title ${title}`, '  dateFormat X', '  axisFormat %H:%M'];
  let section: string | undefined;
  for (const bar of bars) {
    if (bar.section !== section) lines.push(`  section ${clean(bar.section)}`);
    section = bar.section;
    // Mermaid cannot draw an empty bar: a task shorter than a second is drawn one second long.
    const seconds = Math.max(1, Math.round(bar.seconds));
    lines.push(
      `  ${clean(bar.label)} :${bar.crit ? 'crit, ' : ''}${bar.id}, ${Math.round(bar.start)}, ${seconds}s`,
    );
  }
  return [...lines, '```'];
}

/** Mermaid reads `:`, `;` and `#` in a task line as syntax. */
function clean(text: string): string {
  return text.replace(/[:;#]/g, ' ').replace(/\s+/g, ' ').trim();
}
