// The elapsed-time lines on a terminal (the start and end lines are checked end to end in
// test/report-html/run-reports.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TestModule } from 'vitest/node';
import type { DrillRunContext } from '../../drill/run-context.ts';
import type { Plan, PlanTask } from '../../runbook/plan.ts';
import { ProgressReporter } from './progress-reporter.ts';

const planTask = (id: string, estimateSeconds: number): PlanTask => ({
  id,
  label: `Label ${id}`,
  section: 'S',
  estimateSeconds,
  dependsOn: [],
  plannedStartSeconds: 0,
  plannedEndSeconds: estimateSeconds,
  done: false,
  crit: false,
  line: 1,
});
const plan = { tasks: [planTask('tt2', 1800), planTask('tt3', 600)] } as Plan;
const context = { plan, selectedIds: ['tt2', 'tt3'] } as DrillRunContext;

afterEach(() => {
  vi.useRealTimers();
});

describe('ProgressReporter on a terminal', () => {
  it('prints every minute the running task, its elapsed time against its estimate, and the tasks done', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    let now = 0;
    const reporter = new ProgressReporter({
      context,
      stream: { write: (text: string) => written.push(text) > 0, isTTY: true },
      live: true,
      now: () => now,
    });
    reporter.onTestModuleStart({ moduleId: '/repo/drills/tt2.restore.drill.ts' } as TestModule);
    now = 120_000;
    vi.advanceTimersByTime(120_000);
    reporter.onTestRunEnd();
    now = 300_000;
    vi.advanceTimersByTime(180_000);
    expect(written).toEqual([
      '▶ [1/2] tt2 — Label tt2 (estimate 30 min)\n',
      '… tt2 running for 2 min of ~30 min, [0/2] done\n',
      '… tt2 running for 2 min of ~30 min, [0/2] done\n',
    ]);
  });

  it('stays plain when CI is set, even on a terminal', () => {
    vi.stubEnv('CI', 'true');
    vi.useFakeTimers();
    const written: string[] = [];
    const reporter = new ProgressReporter({
      context,
      stream: { write: (text: string) => written.push(text) > 0, isTTY: true },
    });
    reporter.onTestModuleStart({ moduleId: '/repo/drills/tt3.ingestion.drill.ts' } as TestModule);
    vi.advanceTimersByTime(300_000);
    reporter.onTestRunEnd();
    vi.unstubAllEnvs();
    expect(written).toEqual(['▶ [1/2] tt3 — Label tt3 (estimate 10 min)\n']);
  });
});
