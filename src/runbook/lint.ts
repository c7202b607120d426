// Runbook lint: where the page contradicts itself. Warnings; the runner turns them into errors
// under --strict.
//  - estimate-mismatch: a task's gantt duration and its prose estimate differ by more than
//    ESTIMATE_TOLERANCE (the prose says "~", so a quarter either way, and at least a minute).
//  - total-mismatch: the gantt durations, or the prose estimates, do not add up to the stated
//    total within TOTAL_TOLERANCE (tighter: the total is what the budget verdict uses). The sum of
//    prose estimates counts a task without one at its gantt duration.
//  - missing-prose-estimate: a task with no heading, no "Estimation du temps" line, or one that
//    cannot be read.
import { formatSeconds } from './format-seconds.ts';
import type { LintFinding, Plan, PlanTask } from './plan.ts';
import type { ProseEstimate } from './prose-estimates.ts';

export interface Tolerance {
  /** Allowed difference as a fraction of the reference (the prose estimate, the stated total). */
  ratio: number;
  /** Allowed difference in seconds, whatever the ratio gives. */
  minSeconds: number;
}

export const ESTIMATE_TOLERANCE: Tolerance = { ratio: 0.25, minSeconds: 60 };
export const TOTAL_TOLERANCE: Tolerance = { ratio: 0.05, minSeconds: 60 };

export function isWithin(tolerance: Tolerance, value: number, reference: number): boolean {
  return Math.abs(value - reference) <= Math.max(tolerance.minSeconds, tolerance.ratio * reference);
}

export function lintPlan(plan: Plan, prose: Map<string, ProseEstimate>, totalLine: number): LintFinding[] {
  return [
    ...plan.tasks.flatMap((task) => lintTask(task, prose.get(task.id))),
    ...lintTotals(plan, totalLine),
  ];
}

function lintTask(task: PlanTask, prose: ProseEstimate | undefined): LintFinding[] {
  const name = `${task.id} (${task.label})`;
  const missing = (message: string, line: number): LintFinding[] => [
    { rule: 'missing-prose-estimate', severity: 'warning', message, taskId: task.id, line },
  ];
  if (!prose)
    return missing(`${name} has no heading ending in "(${task.id})", so no prose estimate`, task.line);
  const { estimate } = prose;
  if (!estimate)
    return missing(
      `${name}: no "Estimation du temps : …" line under its heading (line ${prose.headingLine})`,
      prose.headingLine,
    );
  if (estimate.seconds === undefined)
    return missing(
      `${name}: cannot read the estimate "${estimate.text}" (line ${estimate.line})`,
      estimate.line,
    );
  if (isWithin(ESTIMATE_TOLERANCE, task.estimateSeconds, estimate.seconds)) return [];
  return [
    {
      rule: 'estimate-mismatch',
      severity: 'warning',
      message:
        `${name}: the gantt gives ${formatSeconds(task.estimateSeconds)} (line ${task.line}), ` +
        `the text says ${formatSeconds(estimate.seconds)} (line ${estimate.line})`,
      taskId: task.id,
      line: task.line,
    },
  ];
}

function lintTotals(plan: Plan, totalLine: number): LintFinding[] {
  const gantt = sum(plan.tasks.map((t) => t.estimateSeconds));
  const withoutProse = plan.tasks.filter((t) => t.proseEstimateSeconds === undefined).length;
  const prose = sum(plan.tasks.map((t) => t.proseEstimateSeconds ?? t.estimateSeconds));
  const sums = [
    { what: 'the gantt durations', seconds: gantt },
    {
      what: `the prose estimates${withoutProse > 0 ? ` (${withoutProse} task(s) without one counted at their gantt duration)` : ''}`,
      seconds: prose,
    },
  ];
  return sums
    .filter(({ seconds }) => !isWithin(TOTAL_TOLERANCE, seconds, plan.budgetSeconds))
    .map(({ what, seconds }) => ({
      rule: 'total-mismatch',
      severity: 'warning',
      message:
        `${what} add up to ${formatSeconds(seconds)}, the stated total is ${formatSeconds(plan.budgetSeconds)} ` +
        `(line ${totalLine}, ${formatSeconds(seconds - plan.budgetSeconds).replace(/^(?!-)/, '+')})`,
      line: totalLine,
    }));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
