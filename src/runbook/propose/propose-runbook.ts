// A corrected runbook page: each task's gantt duration and prose estimate from the forecast (a task
// without one keeps its estimate, or the text's when the gantt contradicts it), the total as their
// sum, and the drift items rewritten. Nothing else changes, and the proposal must parse with the
// same task ids and dependencies, so the drills still bind to it.
import { formatSeconds } from '../format-seconds.ts';
import { ESTIMATE_TOLERANCE, isWithin } from '../lint.ts';
import { readMarkdownPage } from '../markdown-page.ts';
import { parseRunbook } from '../parse-runbook.ts';
import type { Plan, PlanTask } from '../plan.ts';
import { findProseEstimates, findStatedTotal } from '../prose-estimates.ts';
import { RunbookError } from '../runbook-error.ts';
import { applyDriftRewrites } from './apply-drift-rewrites.ts';
import { formatFrenchDuration, formatGanttDuration, roundRunbookSeconds } from './runbook-durations.ts';

export interface RunbookProposal {
  text: string;
  /** One sentence per change: durations, then drift. */
  changes: string[];
  /** Drift rewrites whose lines the page does not have (already fixed, or reworded). */
  notFound: string[];
}

export function proposeRunbook(
  markdown: string,
  path: string,
  forecastSeconds: ReadonlyMap<string, number>,
): RunbookProposal {
  const plan = parseRunbook(markdown, path);
  const page = readMarkdownPage(markdown);
  const prose = findProseEstimates(page, new Set(plan.tasks.map((task) => task.id)), path);
  const lines = markdown.split(/\r?\n/);
  const replaced = new Map<number, string[]>();
  const changes: string[] = [];
  let totalSeconds = 0;
  for (const task of plan.tasks) {
    const { seconds, why } = proposedSeconds(task, forecastSeconds);
    totalSeconds += seconds;
    if (seconds !== task.estimateSeconds) {
      replaced.set(task.line - 1, [withGanttDuration(lines[task.line - 1]!, formatGanttDuration(seconds))]);
      changes.push(`${task.id}: ${formatSeconds(task.estimateSeconds)} → ${formatSeconds(seconds)} (${why})`);
    }
    const estimate = prose.get(task.id)?.estimate;
    if (estimate !== undefined && estimate.seconds !== seconds)
      replaced.set(estimate.line - 1, [withProseDuration(lines[estimate.line - 1]!, seconds)]);
  }
  const total = findStatedTotal(page, path);
  if (total.seconds !== totalSeconds) {
    replaced.set(total.line - 1, [withProseDuration(lines[total.line - 1]!, totalSeconds)]);
    changes.push(`total: ${formatSeconds(total.seconds)} → ${formatSeconds(totalSeconds)} (the tasks' sum)`);
  }
  const drift = applyDriftRewrites(lines, replaced);
  const text = lines.flatMap((line, index) => replaced.get(index) ?? [line]).join('\n');
  ensureSameTasks(plan, parseRunbook(text, path));
  return { text, changes: [...changes, ...drift.changes], notFound: drift.notFound };
}

function proposedSeconds(
  task: PlanTask,
  forecast: ReadonlyMap<string, number>,
): { seconds: number; why: string } {
  const forecastSeconds = forecast.get(task.id);
  if (forecastSeconds !== undefined)
    return { seconds: roundRunbookSeconds(forecastSeconds), why: 'the forecast, rounded up' };
  const prose = task.proseEstimateSeconds;
  if (prose !== undefined && !isWithin(ESTIMATE_TOLERANCE, task.estimateSeconds, prose))
    return {
      seconds: roundRunbookSeconds(prose),
      why: 'no forecast; the text’s estimate, which the gantt contradicted',
    };
  return { seconds: task.estimateSeconds, why: 'no forecast: kept' };
}

/** The gantt line with its last field (duration or end date) replaced by `duration`. */
function withGanttDuration(line: string, duration: string): string {
  const colon = line.indexOf(':');
  const fields = line
    .slice(colon + 1)
    .split(',')
    .map((field) => field.trim());
  fields[fields.length - 1] = duration;
  return `${line.slice(0, colon + 1)} ${fields.join(', ')}`;
}

/** "Estimation du temps : environ 1 heure" → "Estimation du temps : ~ 15 minutes". */
function withProseDuration(line: string, seconds: number): string {
  const colon = line.indexOf(':');
  return `${line.slice(0, colon + 1)} ~ ${formatFrenchDuration(seconds)}`;
}

function ensureSameTasks(original: Plan, proposed: Plan): void {
  const shape = (plan: Plan) =>
    plan.tasks.map((task) => `${task.id} after ${task.dependsOn.join(' ')}`).join('; ');
  if (shape(proposed) !== shape(original))
    throw new RunbookError(
      original.path,
      undefined,
      `the proposed runbook changes the tasks: expected ${shape(original)}, found ${shape(proposed)}`,
    );
}
