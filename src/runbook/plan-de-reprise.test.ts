// The team's runbook page: what the plan must say is read from the page itself, not restated here.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { formatSeconds } from './format-seconds.ts';
import { DEFAULT_RUNBOOK_PATH, loadPlan } from './load-plan.ts';
import { RunbookError } from './runbook-error.ts';

const markdown = await readFile(DEFAULT_RUNBOOK_PATH, 'utf8');
const plan = await loadPlan(DEFAULT_RUNBOOK_PATH);
const ganttLines = markdown.split('```mermaid')[1]!.split('```')[0]!.split('\n');

describe('fixtures/runbook/plan-de-reprise.md', () => {
  it('has a task for every task line of its gantt, each with its own heading', () => {
    const taskLines = ganttLines.filter((l) => l.includes(' : '));
    expect(plan.tasks).toHaveLength(taskLines.length);
    for (const task of plan.tasks) {
      expect(markdown).toContain(`${task.label} (${task.id})\n`);
      expect(task.proseEstimateSeconds, task.id).toBeGreaterThan(0);
    }
    expect(plan.sections.map((s) => s.title)).toEqual(
      ganttLines.filter((l) => l.startsWith('section ')).map((l) => l.slice('section '.length)),
    );
  });

  it('resolves every dependency to a task earlier in the run order', () => {
    const seen = new Set<string>();
    for (const task of plan.tasks) {
      for (const dependency of task.dependsOn)
        expect(seen, `${task.id} after ${dependency}`).toContain(dependency);
      seen.add(task.id);
    }
  });

  it('takes its budget from the total line', () => {
    const [, hours, minutes] = /Estimation total du temps : ~ (\d+) heures (\d+) minutes/.exec(markdown)!;
    expect(plan.budgetSeconds).toBe(Number(hours) * 3600 + Number(minutes) * 60);
  });

  it('has a critical path from the first task to tp1, as long as its tasks', () => {
    expect(plan.criticalPath[0]).toBe(plan.tasks[0]!.id);
    expect(plan.criticalPath.at(-1)).toBe('tp1');
    const byId = new Map(plan.tasks.map((t) => [t.id, t]));
    const sum = plan.criticalPath.reduce((total, id) => total + byId.get(id)!.estimateSeconds, 0);
    expect(plan.criticalPathSeconds).toBe(sum);
  });

  it('reports gt1 (1 h in the gantt, ~5 minutes in the text) and only gt1 as an estimate mismatch', () => {
    const gt1 = plan.tasks.find((t) => t.id === 'gt1')!;
    expect(gt1.estimateSeconds).toBeGreaterThan(gt1.proseEstimateSeconds!);
    expect(plan.lint.filter((f) => f.rule === 'estimate-mismatch').map((f) => f.taskId)).toEqual(['gt1']);
    expect(plan.lint.filter((f) => f.rule === 'missing-prose-estimate')).toEqual([]);
  });

  it('reports that neither the gantt nor the prose estimates add up to the total', () => {
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const gantt = sum(plan.tasks.map((t) => t.estimateSeconds));
    const prose = sum(plan.tasks.map((t) => t.proseEstimateSeconds!));
    const totals = plan.lint.filter((f) => f.rule === 'total-mismatch').map((f) => f.message);
    expect(totals).toHaveLength(2);
    expect(totals[0]).toContain(`the gantt durations add up to ${formatSeconds(gantt)}`);
    expect(totals[1]).toContain(`the prose estimates add up to ${formatSeconds(prose)}`);
  });
});

describe('loadPlan', () => {
  it('names the file it cannot read and keeps the cause', async () => {
    const error = await loadPlan('/nonexistent/plan.md').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunbookError);
    expect((error as RunbookError).message).toMatch(
      /^\/nonexistent\/plan\.md: cannot read the runbook: ENOENT/,
    );
    expect((error as RunbookError).cause).toMatchObject({ code: 'ENOENT' });
  });
});
