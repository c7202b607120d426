// Which tasks cannot run when one fails: everything that depends on it, directly or not.
import type { Plan } from './plan.ts';

/** Ids of the tasks that depend on `id` transitively, in plan (dependency) order. */
export function dependentsOf(plan: Plan, id: string): string[] {
  if (!plan.tasks.some((t) => t.id === id)) throw new Error(`${plan.path}: no task ${id} in the plan`);
  const affected = new Set([id]);
  // Plan order puts every task after its dependencies, so one pass sees each chain whole.
  for (const task of plan.tasks) if (task.dependsOn.some((d) => affected.has(d))) affected.add(task.id);
  affected.delete(id);
  return plan.tasks.filter((t) => affected.has(t.id)).map((t) => t.id);
}
