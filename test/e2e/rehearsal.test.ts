// `cdtn-drill rehearsal` (npm run drill:rehearsal) end to end: on a real control plane and node
// built here, drill:prod's own command line passes every task of the plan on target `cluster`,
// confirmed (the Job from the CronJob, both exports, the restore test) and then read-only; the
// reports record the API server's version; nothing of the node is left on the machine.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DrillReport } from '../../src/report/index.ts';
import { DEFAULT_RUNBOOK_PATH, loadPlan, type Plan } from '../../src/runbook/index.ts';
import { ROOT } from './drill-run.ts';

const VERSIONS = join(ROOT, 'images/k8s/versions.env');

let plan: Plan;
let reportsDir: string;
let exitCode: number | null;
let output = '';
let reports: { report: DrillReport; versions: Record<string, string> }[] = [];

beforeAll(async () => {
  plan = await loadPlan(DEFAULT_RUNBOOK_PATH);
  reportsDir = await mkdtemp(join(tmpdir(), 'cdtn-e2e-rehearsal-'));
  const child = spawn(process.execPath, ['bin/cdtn-drill.ts', 'rehearsal', '--reports', reportsDir], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  [exitCode] = (await once(child, 'exit')) as [number | null];
  const runs = (await readdir(reportsDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory() && entry.name !== 'latest')
    .map((entry) => entry.name)
    .sort();
  reports = await Promise.all(
    runs.map(async (run) => ({
      report: JSON.parse(await readFile(join(reportsDir, run, 'report.json'), 'utf8')) as DrillReport,
      versions: JSON.parse(await readFile(join(reportsDir, run, 'versions.json'), 'utf8')) as Record<
        string,
        string
      >,
    })),
  );
}, 1_800_000);

afterAll(async () => {
  if (exitCode === 0) await rm(reportsDir, { recursive: true, force: true });
  else console.info(`e2e rehearsal: reports kept in ${reportsDir}; output:\n${output.slice(-5000)}`);
});

it('exits 0 after two cluster runs, the confirmed one first', () => {
  expect(exitCode, output.slice(-3000)).toBe(0);
  expect(reports.map(({ report }) => report.target)).toEqual(['cluster', 'cluster']);
  const [confirmed, readOnly] = reports.map(({ report }) => report.tasks.flatMap((task) => task.warnings));
  expect(confirmed?.some((warning) => warning.includes('read-only run'))).toBe(false);
  expect(readOnly?.some((warning) => warning.includes('read-only run (no --allow-job)'))).toBe(true);
});

it('passes every task of the plan in both runs', () => {
  for (const { report } of reports) {
    const failures = report.tasks
      .filter((task) => task.status !== 'passed')
      .map((task) => `${task.id} ${task.status}: ${task.failures.map((f) => f.message).join('; ')}`);
    expect(failures, report.runId).toEqual([]);
    expect(report.tasks.map((task) => task.id)).toEqual(plan.tasks.map((task) => task.id));
  }
});

it('records the version of the Kubernetes it ran on, the one pinned in versions.env', async () => {
  const pinned = /^KUBERNETES_VERSION=(\S+)$/m.exec(await readFile(VERSIONS, 'utf8'))?.[1];
  for (const { versions } of reports) expect(versions.Kubernetes).toBe(pinned);
});

it("leaves none of the node's paths outside its run directory", () => {
  expect(['/run/containerd', '/var/lib/kubelet', '/var/log/containers'].filter(existsSync)).toEqual([]);
});
