// Orders drill files by the plan's dependency order (Plan.tasks is topological), not by file name.
import type { TestSequencer, TestSpecification } from 'vitest/node';
import { drillFileTaskId } from './drill-files.ts';

export class PlanSequencer implements TestSequencer {
  shard(files: TestSpecification[]): TestSpecification[] {
    return files;
  }

  sort(files: TestSpecification[]): TestSpecification[] {
    const order = files[0]?.project.getProvidedContext().drillRun?.plan.tasks.map((task) => task.id) ?? [];
    const rank = (file: TestSpecification): number => {
      const index = order.indexOf(drillFileTaskId(file.moduleId) ?? '');
      return index === -1 ? Number.MAX_SAFE_INTEGER : index;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}
