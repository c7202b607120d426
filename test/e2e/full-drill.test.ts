// The whole runbook drilled end to end on the ephemeral target, as `cdtn-drill run` does it: every
// task passed, the report matches the plan, and nothing of the run is left afterwards.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_RUNBOOK_PATH, loadPlan, type Plan } from '../../src/runbook/index.ts';
import type { DrillReport } from '../../src/report/index.ts';
import { runDrill, type DrillRun } from './drill-run.ts';
import { expectNothingLeft } from './expect-run.ts';

let reportsDir: string;
let plan: Plan;
let run: DrillRun;

beforeAll(async () => {
  plan = await loadPlan(DEFAULT_RUNBOOK_PATH);
  reportsDir = await mkdtemp(join(tmpdir(), 'cdtn-e2e-full-'));
  run = await runDrill({ args: ['--target', 'ephemeral'], reportsDir });
  console.info(`e2e full drill: ${run.seconds.toFixed(1)} s, exit ${run.code}`);
}, 900_000);

afterAll(async () => {
  if (reportsDir !== undefined) await rm(reportsDir, { recursive: true, force: true });
});

it('exits 0 with the verdict passed', () => {
  expect(run.code, run.stderr).toBe(0);
  expect(run.report?.verdict).toBe('passed');
});

it('reports every task of the plan, in plan order, with its estimate', () => {
  expect(run.report?.tasks.map(({ id, label, estimateSeconds }) => ({ id, label, estimateSeconds }))).toEqual(
    plan.tasks.map(({ id, label, estimateSeconds }) => ({ id, label, estimateSeconds })),
  );
});

it('every task passed with at least one assertion', () => {
  const tasks = run.report?.tasks ?? [];
  expect(tasks.length).toBe(plan.tasks.length);
  for (const task of tasks) {
    expect(task.status, `${task.id}: ${task.failures.map((f) => f.message).join('; ')}`).toBe('passed');
    expect(task.assertions, task.id).toBeGreaterThan(0);
  }
});

it('junit.xml has one testsuite per task, in plan order', () => {
  const names = [...(run.junit ?? '').matchAll(/<testsuite name="([^"]*)"/g)].map((match) => match[1]!);
  expect(names.map((name) => name.split(' — ')[0])).toEqual(plan.tasks.map((task) => task.id));
});

it('latest/ holds this run', async () => {
  const latest = JSON.parse(await readFile(join(reportsDir, 'latest', 'report.json'), 'utf8')) as DrillReport;
  expect(latest.runId).toBe(run.runId);
});

it('leaves no container or process of the run', () => {
  expect(run.runId).toBeDefined();
  // The CLI's vitest workers were seen, so they were checked; the ephemeral target starts no JVM.
  expect(run.processesSeen.some((command) => command.includes('vitest'))).toBe(true);
  expect(run.processesSeen.filter((command) => /\bjava\b/.test(command))).toEqual([]);
  expectNothingLeft(run);
});
