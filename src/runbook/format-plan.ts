// `cdtn-drill plan`: the plan as text — sections and tasks (estimate, planned start–end as clock
// offsets from the plan's start, dependencies), run order, critical path, budget, lint.
import { formatSeconds } from './format-seconds.ts';
import type { Plan, PlanTask } from './plan.ts';

export function formatPlan(plan: Plan): string {
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const critical = new Set(plan.criticalPath);
  const rows = plan.sections.flatMap((section) => [
    [section.title || '(no section)'],
    ...section.taskIds.map((id) => taskRow(byId.get(id)!, critical.has(id))),
  ]);
  const lint = plan.lint.map((f) => `  ${f.severity} ${f.rule}: ${f.message}`);
  return [
    `${plan.title} — ${plan.path}`,
    '',
    ...alignColumns(rows),
    '',
    `Run order: ${plan.tasks.map((t) => t.id).join(', ')}`,
    `Critical path (*): ${plan.criticalPath.join(' → ')} = ${formatSeconds(plan.criticalPathSeconds)}`,
    `Budget: ${formatSeconds(plan.budgetSeconds)} (${plan.budgetSeconds} s)`,
    '',
    plan.lint.length === 0 ? 'Lint: no findings' : `Lint: ${plan.lint.length} finding(s)`,
    ...lint,
  ].join('\n');
}

function taskRow(task: PlanTask, critical: boolean): string[] {
  const prose =
    task.proseEstimateSeconds === undefined ? '' : ` (text: ${formatSeconds(task.proseEstimateSeconds)})`;
  const flags = [task.done && 'done', task.crit && 'crit'].filter(Boolean).join(' ');
  return [
    `  ${critical ? '*' : ' '} ${task.id}`,
    task.label,
    formatSeconds(task.estimateSeconds) + prose,
    `${clock(task.plannedStartSeconds)}–${clock(task.plannedEndSeconds)}`,
    task.dependsOn.length === 0 ? '' : `after ${task.dependsOn.join(' ')}`,
    flags,
  ];
}

// "01:05" (hours:minutes from the plan's start), with ":ss" only when seconds matter.
function clock(seconds: number): string {
  const s = Math.round(seconds);
  const hm = `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}`;
  return s % 60 === 0 ? hm : `${hm}:${String(s % 60).padStart(2, '0')}`;
}

// Rows of one cell (section titles) stay as they are; task rows are padded column by column.
function alignColumns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows.filter((r) => r.length > 1))
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row.length === 1
      ? row[0]!
      : row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
  );
}
