// Longest dependency chain through the tasks that ran, with their actual durations.
import type { PlanTask } from '../runbook/plan.ts';

export function actualCriticalPathSeconds(
  planTasks: readonly PlanTask[],
  actualSeconds: ReadonlyMap<string, number>,
): number {
  const finish = new Map<string, number>();
  // Plan order is topological: every dependency's finish is known when a task is reached.
  for (const task of planTasks) {
    const start = Math.max(0, ...task.dependsOn.map((id) => finish.get(id) ?? 0));
    finish.set(task.id, start + (actualSeconds.get(task.id) ?? 0));
  }
  return Math.max(0, ...finish.values());
}
