// From the parsed gantt and prose to the Plan: dependency order, planned offsets (seconds from the
// earliest start, as mermaid lays them out: a milestone too spans its duration, so write `0d`),
// critical path.
import type { GanttChart, GanttTask } from './gantt-parser.ts';
import type { Plan, PlanSection, PlanTask } from './plan.ts';
import type { ProseEstimate } from './prose-estimates.ts';
import { RunbookError } from './runbook-error.ts';
import { dependenciesOf, topologicalOrder } from './topological-order.ts';

export interface PlanParts {
  path: string;
  title: string;
  chart: GanttChart;
  prose: Map<string, ProseEstimate>;
  budgetSeconds: number;
}

/** The plan without its lint (see lintPlan). */
export function buildPlan({ path, title, chart, prose, budgetSeconds }: PlanParts): Plan {
  ensureDependenciesAreKnown(chart.tasks, path);
  const ordered = topologicalOrder(chart.tasks, path);
  const times = new Map<string, { start: number; end: number }>();
  for (const task of ordered) {
    const start =
      task.start.kind === 'date'
        ? task.start.seconds
        : Math.max(...task.start.ids.map((id) => times.get(id)!.end));
    const end = task.end.kind === 'date' ? task.end.seconds : start + task.end.seconds;
    if (end < start) throw new RunbookError(path, task.line, `task ${task.id} ends before it starts`);
    times.set(task.id, { start, end });
  }
  const origin = Math.min(...[...times.values()].map((t) => t.start));
  const tasks = ordered.map((task): PlanTask => {
    const { start, end } = times.get(task.id)!;
    const proseSeconds = prose.get(task.id)?.estimate?.seconds;
    return {
      id: task.id,
      label: task.label,
      section: task.section,
      estimateSeconds: end - start,
      ...(proseSeconds !== undefined && { proseEstimateSeconds: proseSeconds }),
      dependsOn: dependenciesOf(task),
      plannedStartSeconds: start - origin,
      plannedEndSeconds: end - origin,
      done: task.done,
      crit: task.crit,
      line: task.line,
    };
  });
  const critical = criticalPath(tasks);
  return {
    path,
    title,
    sections: sectionsOf(chart),
    tasks,
    budgetSeconds,
    criticalPath: critical.ids,
    criticalPathSeconds: critical.seconds,
    lint: [],
  };
}

function ensureDependenciesAreKnown(tasks: GanttTask[], path: string): void {
  const ids = new Set(tasks.map((t) => t.id));
  for (const task of tasks) {
    const unknown = dependenciesOf(task).find((id) => !ids.has(id));
    if (unknown !== undefined)
      throw new RunbookError(path, task.line, `task ${task.id} depends on unknown id ${unknown}`);
  }
}

// The longest chain of estimates through the dependencies: what a drill, which starts each task as
// soon as its dependencies end, cannot beat. Ties go to the earlier task of the plan.
function criticalPath(tasks: PlanTask[]): { ids: string[]; seconds: number } {
  const longest = new Map<string, { seconds: number; via?: string }>();
  for (const task of tasks) {
    let via: string | undefined;
    let before = 0;
    for (const id of task.dependsOn) {
      const seconds = longest.get(id)!.seconds;
      if (via === undefined || seconds > before) [via, before] = [id, seconds];
    }
    longest.set(task.id, { seconds: before + task.estimateSeconds, ...(via !== undefined && { via }) });
  }
  let last: string | undefined;
  for (const task of tasks)
    if (last === undefined || longest.get(task.id)!.seconds > longest.get(last)!.seconds) last = task.id;
  if (last === undefined) return { ids: [], seconds: 0 };
  const ids: string[] = [];
  for (let id: string | undefined = last; id !== undefined; id = longest.get(id)!.via) ids.unshift(id);
  return { ids, seconds: longest.get(last)!.seconds };
}

function sectionsOf(chart: GanttChart): PlanSection[] {
  // Tasks before any `section` line belong to an untitled one; a title used twice is one section.
  const titles = new Set<string>(chart.tasks.some((t) => t.section === '') ? [''] : []);
  for (const section of chart.sections) titles.add(section.title);
  return [...titles].map((title) => ({
    title,
    taskIds: chart.tasks.filter((t) => t.section === title).map((t) => t.id),
  }));
}
