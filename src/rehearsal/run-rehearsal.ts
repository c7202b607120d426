// `npm run drill:rehearsal`: drill:prod tried safely on a production built here. The rehearsal's
// environment is started (start-rehearsal-environment.ts), then the cluster target's own command
// line runs twice: confirmed on the rehearsal's context with --allow-job and --allow-export-prod
// (every task, tt2's restore test into a scratch database, the Job from the CronJob run by the real
// Job controller, both exports), then read-only. Each must pass 10/10 on target `cluster`.
// Everything is torn down at the end, also on failure and on Ctrl-C.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DrillReport } from '../report/index.ts';
import { DEFAULT_RUNBOOK_PATH, loadPlan } from '../runbook/index.ts';
import { startRehearsalEnvironment, type RehearsalEnvironment } from './start-rehearsal-environment.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RehearsalRun {
  name: string;
  args: string[];
  exitCode: number | null;
  report: DrillReport | undefined;
  /** What does not hold of "target cluster, every task passed", empty when the run passed. */
  problems: string[];
}

export interface RehearsalResult {
  runs: RehearsalRun[];
  kubernetesVersion: string;
  seconds: { environment: number; total: number };
}

export async function runRehearsal(options: {
  reportsDir: string;
  log: (line: string) => void;
  signal: AbortSignal;
}): Promise<RehearsalResult> {
  const started = performance.now();
  const runId = `rehearsal-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const { log, signal } = options;
  const environment = await startRehearsalEnvironment(runId, log, signal);
  const environmentSeconds = (performance.now() - started) / 1000;
  log(`environment ready in ${environmentSeconds.toFixed(1)} s`);
  try {
    const backup = ['--backup', environment.backup.dumpPath, '--manifest', environment.backup.manifestPath];
    const reports = ['--reports', options.reportsDir];
    const confirmed = ['--confirm', environment.context, '--allow-job', '--allow-export-prod'];
    const runs: RehearsalRun[] = [];
    for (const [name, args] of [
      ['confirmed', [...confirmed, ...backup, ...reports]],
      ['read-only', [...backup, ...reports]],
    ] as const) {
      signal.throwIfAborted();
      log(`${name} run: npm run drill:prod -- ${args.join(' ')}`);
      runs.push(await runDrillProd(name, [...args], environment, options.reportsDir, signal));
    }
    return {
      runs,
      kubernetesVersion: environment.kubernetesVersion,
      seconds: { environment: environmentSeconds, total: (performance.now() - started) / 1000 },
    };
  } finally {
    log('tearing down the rehearsal environment');
    await environment.stop();
  }
}

async function runDrillProd(
  name: string,
  args: string[],
  environment: RehearsalEnvironment,
  reportsDir: string,
  signal: AbortSignal,
): Promise<RehearsalRun> {
  const latest = join(resolve(ROOT, reportsDir), 'latest/report.json');
  const readReport = () =>
    readFile(latest, 'utf8')
      .then((text) => JSON.parse(text) as DrillReport)
      .catch(() => undefined);
  const previous = await readReport();
  const child = spawn('npm', ['run', '--silent', 'drill:prod', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...environment.env },
    stdio: 'inherit',
    signal,
    killSignal: 'SIGINT',
  });
  const [exitCode] = (await once(child, 'exit').catch(() => [null])) as [number | null];
  const found = await readReport();
  // reports/latest/ still holding an earlier run's report means this one wrote none
  const report = found?.runId === previous?.runId ? undefined : found;
  const taskCount = (await loadPlan(DEFAULT_RUNBOOK_PATH)).tasks.length;
  return { name, args, exitCode, report, problems: problemsOf(report, exitCode, taskCount) };
}

function problemsOf(report: DrillReport | undefined, exitCode: number | null, taskCount: number): string[] {
  if (report === undefined) return [`no report (exit ${exitCode})`];
  const problems = report.tasks
    .filter((task) => task.status !== 'passed')
    .map(
      (task) =>
        `${task.id} ${task.status}: ${task.skipReason ?? task.failures.map((f) => f.message).join('; ')}`,
    );
  if (report.target !== 'cluster') problems.unshift(`target ${report.target}, expected cluster`);
  if (report.tasks.length !== taskCount)
    problems.unshift(`${report.tasks.length} tasks reported, the plan has ${taskCount}`);
  if (exitCode !== 0) problems.push(`exit ${exitCode}, expected 0`);
  return problems;
}
