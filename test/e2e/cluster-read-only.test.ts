// `cdtn-drill run --target cluster`, read-only (no --confirm), against an environment prepared like
// production: real PostgreSQL holding last night's data plus the newer packages, a real engine with
// both environments exported, a Kubernetes API with production's namespaces, CronJob and rolled-out
// Deployments, and the outside world from the recordings. A healthy production passes every task,
// and a read-only run leaves all of it as it found it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_RUNBOOK_PATH, loadPlan, type Plan } from '../../src/runbook/index.ts';
import { runDrill, type DrillRun } from './drill-run.ts';
import { snapshotProduction } from './production/production-snapshot.ts';
import { expectNothingLeft } from './expect-run.ts';
import {
  startProductionEnvironment,
  type ProductionEnvironment,
} from './production/production-environment.ts';

let plan: Plan;
let reportsDir: string | undefined;
let production: ProductionEnvironment | undefined;
let run: DrillRun;
let before: Record<string, unknown>;
let after: Record<string, unknown>;

beforeAll(async () => {
  const started = performance.now();
  plan = await loadPlan(DEFAULT_RUNBOOK_PATH);
  reportsDir = await mkdtemp(join(tmpdir(), 'cdtn-e2e-cluster-'));
  const log = (line: string) =>
    console.info(`production (${((performance.now() - started) / 1000).toFixed(1)} s): ${line}`);
  production = await startProductionEnvironment(log);
  const prepared = (performance.now() - started) / 1000;
  const { dumpPath, manifestPath } = production.backup;
  before = await snapshotProduction(production.env);
  run = await runDrill({
    args: ['--target', 'cluster', '--backup', dumpPath, '--manifest', manifestPath],
    reportsDir,
    env: production.env,
  });
  after = await snapshotProduction(production.env);
  console.info(
    `e2e cluster read-only: environment prepared in ${prepared.toFixed(1)} s, run ${run.seconds.toFixed(1)} s, exit ${run.code}`,
  );
}, 900_000);

afterAll(async () => {
  try {
    await production?.stop();
  } finally {
    // A run that did not pass keeps its report for whoever reads the failure.
    if (reportsDir !== undefined && run?.report?.verdict === 'passed')
      await rm(reportsDir, { recursive: true, force: true });
    else if (reportsDir !== undefined) console.info(`e2e cluster read-only: report kept in ${reportsDir}`);
  }
});

it('reports a cluster run of every task of the plan', () => {
  expect(run.report, run.stderr).toBeDefined();
  expect(run.report?.target).toBe('cluster');
  expect(run.report?.tasks.map((task) => task.id)).toEqual(plan.tasks.map((task) => task.id));
});

it('passes every task, each with at least one assertion', () => {
  const tasks = run.report?.tasks ?? [];
  const failures = tasks
    .filter((task) => task.status !== 'passed')
    .map(
      (task) =>
        `${task.id} ${task.status}: ${task.skipReason ?? task.failures.map((f) => f.message).join('; ')}`,
    );
  expect(failures).toEqual([]);
  expect(tasks.filter((task) => task.status === 'passed')).toHaveLength(plan.tasks.length);
  for (const task of tasks) expect(task.assertions, task.id).toBeGreaterThan(0);
});

it('exits 0 with the verdict passed', () => {
  expect(run.code, run.stderr).toBe(0);
  expect(run.report?.verdict).toBe('passed');
});

it('leaves the database, its server, the engine and the cluster as it found them', () => {
  expect(before.jobs, 'the nightly Job, before the run').toHaveLength(1);
  expect(after).toEqual(before);
});

it('leaves no process of the run', () => {
  expectNothingLeft(run);
});
