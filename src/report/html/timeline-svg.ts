// The SVG timeline: per task, its planned bar (from the runbook's gantt) above its actual bar (the
// run, tasks laid end to end as they ran), grouped by section; critical path marked, overruns red.
import type { Plan } from '../../runbook/plan.ts';
import type { TaskRecord } from '../report-record.ts';
import { formatDuration } from '../history/index.ts';
import { escapeHtml } from './escape-html.ts';

const WIDTH = 960;
const LABEL_WIDTH = 280;
/** What fits in LABEL_WIDTH at the page's 12 px font. */
const LABEL_CHARS = 38;
const ROW = 34;
const SECTION_ROW = 24;
const BAR = 11;
/** A bar never gets thinner than this: a task of seconds in a plan of hours must stay visible. */
const MIN_BAR = 2;

export function renderTimelineSvg(tasks: readonly TaskRecord[], plan: Plan): string {
  const planned = new Map(plan.tasks.map((task) => [task.id, task]));
  const critical = new Set(plan.criticalPath);
  const actualStart = actualStarts(tasks);
  const span = Math.max(
    1,
    ...tasks.map((task) => planned.get(task.id)?.plannedEndSeconds ?? 0),
    ...tasks.map((task) => (actualStart.get(task.id) ?? 0) + task.actualSeconds),
  );
  const x = (seconds: number): number => LABEL_WIDTH + (seconds / span) * (WIDTH - LABEL_WIDTH - 10);
  const width = (seconds: number): number => Math.max(MIN_BAR, x(seconds) - x(0));
  const rows: string[] = [];
  let y = 0;
  let section: string | undefined;
  for (const task of tasks) {
    if (task.section !== section) {
      section = task.section;
      rows.push(`<text class="section" x="4" y="${y + 17}">${escapeHtml(section)}</text>`);
      y += SECTION_ROW;
    }
    const plan = planned.get(task.id);
    const start = plan?.plannedStartSeconds ?? 0;
    const onPath = critical.has(task.id);
    const overrun = task.status !== 'skipped' && task.actualSeconds > task.estimateSeconds;
    const actualClass = `bar actual ${task.status}${overrun ? ' overrun' : ''}`;
    const title = `${task.id} — ${task.label}: planned ${formatDuration(task.estimateSeconds)}, actual ${
      task.status === 'skipped' ? 'skipped' : formatDuration(task.actualSeconds)
    }${onPath ? ', on the critical path' : ''}`;
    rows.push(
      `<g class="task" data-task="${escapeHtml(task.id)}"><title>${escapeHtml(title)}</title>`,
      `<text class="label" x="14" y="${y + 21}">${onPath ? '◆ ' : ''}${escapeHtml(shorten(`${task.id} — ${task.label}`))}</text>`,
      `<rect class="bar planned${onPath ? ' critical' : ''}" data-role="planned" x="${x(start).toFixed(1)}" y="${y + 4}" width="${width(task.estimateSeconds).toFixed(1)}" height="${BAR}"/>`,
      `<rect class="${actualClass}" data-role="actual" x="${x(actualStart.get(task.id) ?? 0).toFixed(1)}" y="${y + 4 + BAR + 2}" width="${(task.status === 'skipped' ? MIN_BAR : width(task.actualSeconds)).toFixed(1)}" height="${BAR}"/>`,
      '</g>',
    );
    y += ROW;
  }
  return [
    `<svg class="timeline" role="img" aria-label="Planned and actual duration of each task" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${y + 22}" width="${WIDTH}" height="${y + 22}">`,
    `<line class="axis" x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${y}"/>`,
    ...rows,
    `<text class="tick" x="${LABEL_WIDTH}" y="${y + 16}">0</text>`,
    `<text class="tick" x="${WIDTH - 10}" y="${y + 16}" text-anchor="end">${escapeHtml(formatDuration(span))}</text>`,
    '</svg>',
  ].join('\n');
}

/** A label longer than its column is cut; the bar's tooltip keeps it whole. */
function shorten(label: string): string {
  return label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
}

/** The run's tasks ran one after another: each starts where the previous one ended. */
function actualStarts(tasks: readonly TaskRecord[]): Map<string, number> {
  const starts = new Map<string, number>();
  let at = 0;
  for (const task of tasks) {
    starts.set(task.id, at);
    at += task.actualSeconds;
  }
  return starts;
}
