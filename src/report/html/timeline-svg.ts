// The SVG timeline, two panels on one row per task: on the left the plan (the runbook's gantt, its
// own axis), on the right this run on an axis of its own, so a 60 s run reads as well as a 3 h one.
// The run's panel accounts for its wall time: the steps before the first task (environment start,
// backup fixture…), the tasks end to end as they ran, then the rest (between tasks, the report).
import type { Plan } from '../../runbook/plan.ts';
import type { DrillReport, TaskRecord } from '../report-record.ts';
import { formatDuration } from '../history/index.ts';
import { escapeHtml } from './escape-html.ts';

/** What fits in the 250 px before the plan's panel at the page's 12 px font. */
const LABEL_CHARS = 34;
const PLAN = { x: 260, width: 400 };
const RUN = { x: 700, width: 520 };
const WIDTH = RUN.x + RUN.width + 20;
const HEADER = 26;
const ROW = 24;
const SECTION_ROW = 24;
const BAR = 12;
/** A bar never gets thinner than this: a task of seconds in a plan of hours must stay visible. */
const MIN_BAR = 2;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

interface Axis {
  x: (seconds: number) => number;
  width: (seconds: number) => number;
}

function axis(panel: { x: number; width: number }, span: number): Axis {
  const x = (seconds: number): number => panel.x + (seconds / span) * panel.width;
  return { x, width: (seconds) => Math.max(MIN_BAR, x(seconds) - x(0)) };
}

/** What the run's wall time was spent on, in order: set-up steps, tasks, and the rest. */
export function wallTimeParts(report: DrillReport): { setup: number; tasks: number; other: number } {
  const setup = (report.setup ?? []).reduce((sum, phase) => sum + phase.seconds, 0);
  return {
    setup,
    tasks: report.totalSeconds,
    other: Math.max(0, (report.wallSeconds ?? 0) - setup - report.totalSeconds),
  };
}

export function renderTimelineSvg(report: DrillReport, plan: Plan): string {
  const { tasks } = report;
  const planned = new Map(plan.tasks.map((task) => [task.id, task]));
  const critical = new Set(plan.criticalPath);
  const parts = wallTimeParts(report);
  const planSpan = Math.max(1, ...tasks.map((task) => planned.get(task.id)?.plannedEndSeconds ?? 0));
  const runSpan = Math.max(1, parts.setup + parts.tasks + parts.other);
  const planAxis = axis(PLAN, planSpan);
  const runAxis = axis(RUN, runSpan);
  const rows: string[] = [];
  let y = HEADER;
  let at = 0;
  const section = (name: string): void => {
    rows.push(`<text class="section" x="4" y="${y + 17}">${escapeHtml(name)}</text>`);
    y += SECTION_ROW;
  };
  /** A row of the run's panel only: a step outside the tasks. */
  const outsideRow = (name: string, seconds: number, role: 'setup' | 'other'): void => {
    rows.push(
      `<g class="outside" data-outside="${escapeHtml(name)}"><title>${escapeHtml(`${name}: ${formatDuration(seconds)}`)}</title>`,
      `<text class="label" x="14" y="${y + 16}">${escapeHtml(shorten(name))}</text>`,
      `<rect class="bar ${role}" data-role="${role}" x="${runAxis.x(at).toFixed(1)}" y="${y + 6}" width="${runAxis.width(seconds).toFixed(1)}" height="${BAR}"/>`,
      '</g>',
    );
    at += seconds;
    y += ROW;
  };
  if ((report.setup ?? []).length > 0) section('Before the first task');
  for (const phase of report.setup ?? []) outsideRow(phase.name, phase.seconds, 'setup');
  let current: string | undefined;
  for (const task of tasks) {
    if (task.section !== current) section((current = task.section));
    rows.push(
      taskRow(
        task,
        y,
        planned.get(task.id)?.plannedStartSeconds ?? 0,
        at,
        critical.has(task.id),
        planAxis,
        runAxis,
      ),
    );
    at += task.actualSeconds;
    y += ROW;
  }
  if (parts.other > 0) {
    section('Outside the tasks');
    outsideRow('between and after the tasks', parts.other, 'other');
  }
  const height = y + 22;
  return [
    `<svg class="timeline" role="img" aria-label="Planned duration of each task on the plan's axis, actual durations and the run's wall time on the run's own axis" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    `<text class="panel" x="${PLAN.x}" y="16">Plan (runbook)</text>`,
    `<text class="panel" data-role="run-axis" x="${RUN.x}" y="16">This run: wall time ${escapeHtml(formatDuration(runSpan))}</text>`,
    ...ticks(PLAN, planSpan, y),
    ...ticks(RUN, runSpan, y),
    ...rows,
    '</svg>',
  ].join('\n');
}

function taskRow(
  task: TaskRecord,
  y: number,
  plannedStart: number,
  actualStart: number,
  onPath: boolean,
  planAxis: Axis,
  runAxis: Axis,
): string {
  const overrun = task.status !== 'skipped' && task.actualSeconds > task.estimateSeconds;
  const title = `${task.id} — ${task.label}: planned ${formatDuration(task.estimateSeconds)}, actual ${
    task.status === 'skipped' ? 'skipped' : formatDuration(task.actualSeconds)
  }${onPath ? ', on the critical path' : ''}`;
  const actualWidth = task.status === 'skipped' ? MIN_BAR : runAxis.width(task.actualSeconds);
  return [
    `<g class="task" data-task="${escapeHtml(task.id)}"><title>${escapeHtml(title)}</title>`,
    `<text class="label" x="14" y="${y + 16}">${onPath ? '◆ ' : ''}${escapeHtml(shorten(`${task.id} — ${task.label}`))}</text>`,
    `<rect class="bar planned${onPath ? ' critical' : ''}" data-role="planned" x="${planAxis.x(plannedStart).toFixed(1)}" y="${y + 6}" width="${planAxis.width(task.estimateSeconds).toFixed(1)}" height="${BAR}"/>`,
    `<rect class="bar actual ${task.status}${overrun ? ' overrun' : ''}" data-role="actual" x="${runAxis.x(actualStart).toFixed(1)}" y="${y + 6}" width="${actualWidth.toFixed(1)}" height="${BAR}"/>`,
    '</g>',
  ].join('\n');
}

/** Grid lines and duration labels at 0, ¼, ½, ¾ and the end of a panel's axis. */
function ticks(panel: { x: number; width: number }, span: number, bottom: number): string[] {
  return TICKS.flatMap((fraction) => {
    const x = (panel.x + fraction * panel.width).toFixed(1);
    const anchor = fraction === 0 ? 'start' : fraction === 1 ? 'end' : 'middle';
    return [
      `<line class="${fraction === 0 ? 'axis' : 'grid'}" x1="${x}" y1="${HEADER}" x2="${x}" y2="${bottom}"/>`,
      `<text class="tick" x="${x}" y="${bottom + 16}" text-anchor="${anchor}">${escapeHtml(formatDuration(fraction * span))}</text>`,
    ];
  });
}

/** A label longer than its column is cut; the bar's tooltip keeps it whole. */
function shorten(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}
