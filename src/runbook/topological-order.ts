// Dependency order of the gantt tasks (Kahn's algorithm); among tasks that are ready at the same
// time the page's order wins, so a page already in order keeps it. A cycle is an error naming it.
import type { GanttTask } from './gantt-parser.ts';
import { RunbookError } from './runbook-error.ts';

/** Tasks ordered so every task comes after the tasks it depends on. Dependencies must be known ids. */
export function topologicalOrder(tasks: GanttTask[], path: string): GanttTask[] {
  const waitingOn = new Map(tasks.map((t) => [t.id, new Set(dependenciesOf(t))]));
  const ordered: GanttTask[] = [];
  let remaining = [...tasks];
  while (remaining.length > 0) {
    const next = remaining.find((t) => waitingOn.get(t.id)!.size === 0);
    if (!next) throw cycleError(remaining, path);
    ordered.push(next);
    remaining = remaining.filter((t) => t !== next);
    for (const t of remaining) waitingOn.get(t.id)!.delete(next.id);
  }
  return ordered;
}

export function dependenciesOf(task: GanttTask): string[] {
  return task.start.kind === 'after' ? task.start.ids : [];
}

// Every remaining task waits on another remaining one, so following dependencies from any of them
// must come back to a task already seen: that loop is the cycle.
function cycleError(remaining: GanttTask[], path: string): RunbookError {
  const byId = new Map(remaining.map((t) => [t.id, t]));
  const chain: GanttTask[] = [];
  let current = remaining[0]!;
  while (!chain.includes(current)) {
    chain.push(current);
    current = dependenciesOf(current)
      .map((id) => byId.get(id))
      .find((t) => t !== undefined)!;
  }
  // Walk the loop in execution order: a task after the one it depends on.
  const loop = chain.slice(chain.indexOf(current)).reverse();
  const first = loop.reduce((a, b) => (b.line < a.line ? b : a));
  const names = [...loop, loop[0]!].map((t) => t.id).join(' → ');
  return new RunbookError(path, first.line, `dependency cycle: ${names}`);
}
