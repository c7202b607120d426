// `--only <ids>` / `--from <id>`: which tasks of the plan a run executes, in plan order.
import type { Plan } from '../runbook/plan.ts';

export interface TaskSelection {
  only?: readonly string[];
  from?: string;
}

/** Ids named by the selection that the plan does not have. */
export function unknownTaskIds(plan: Plan, selection: TaskSelection): string[] {
  const named = [...(selection.only ?? []), ...(selection.from === undefined ? [] : [selection.from])];
  return named.filter((id) => !plan.tasks.some((task) => task.id === id));
}

/** `--from` keeps its task and every task after it in plan order; `--only` keeps the listed ones. */
export function selectTasks(plan: Plan, selection: TaskSelection): string[] {
  const fromIndex =
    selection.from === undefined ? 0 : plan.tasks.findIndex((task) => task.id === selection.from);
  return plan.tasks
    .slice(Math.max(0, fromIndex))
    .map((task) => task.id)
    .filter((id) => selection.only === undefined || selection.only.includes(id));
}
