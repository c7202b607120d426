// The full ephemeral drill (issue 10): `cdtn-drill run --target ephemeral` spawned and timed from
// spawn to exit, its verdict read from the report it wrote. The drill stops its own environment;
// any container still labelled with its run id afterwards is counted, then removed.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { listContainersOfRun, removeContainersOfRun } from '../src/env/index.ts';
import type { DrillReport } from '../src/report/index.ts';
import type { BenchPartSpec } from './bench-part.ts';
import { figure, round } from './bench-results.ts';
import { DRILL_WALL_FIGURE } from './speed-summary.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The runbook's budget the drill rehearses (3h30), for the speed-up. */
const RUNBOOK_SECONDS = 3.5 * 3600;
/** A drill past this is stopped (as Ctrl-C stops it) and recorded as such. */
const DRILL_TIMEOUT_MS = 30 * 60_000;

export const drillPart: BenchPartSpec = {
  part: 'drill',
  repetition: () => '1 run (the whole drill)',
  usesWorkbench: false,
  async run({ signal, log }) {
    const reportsDir = await mkdtemp(join(os.tmpdir(), 'cdtn-bench-drill-'));
    log(`drill: cdtn-drill run --target ephemeral --reports ${reportsDir}`);
    const started = performance.now();
    const child = await execa(
      process.execPath,
      ['bin/cdtn-drill.ts', 'run', '--target', 'ephemeral', '--reports', reportsDir],
      {
        cwd: ROOT,
        reject: false,
        all: true,
        // Stopped as Ctrl-C stops it: the drill then stops its environment and writes its report.
        cancelSignal: signal,
        timeout: DRILL_TIMEOUT_MS,
        killSignal: 'SIGINT',
        forceKillAfterDelay: 60_000,
      },
    );
    const wallSeconds = (performance.now() - started) / 1000;
    await writeFile(join(reportsDir, 'drill-output.log'), child.all ?? '');
    const leftovers = await removeLeftovers(reportsDir);
    const report = await readReport(reportsDir);
    const counts = report ? countStatuses(report) : 'no report written';
    return {
      figures: [
        figure(DRILL_WALL_FIGURE, round(wallSeconds, 1), 's', {
          target: { comparison: '<=', value: 180, source: 'issue 10' },
          note: 'spawn to exit, environment start and stop included',
        }),
        figure('faster than the runbook (3h30)', round(RUNBOOK_SECONDS / wallSeconds, 1), '×', {
          target: { comparison: '>=', value: 70, source: 'issue 10' },
        }),
        ...(report
          ? [
              figure('sum of task durations (report)', round(report.totalSeconds, 1), 's'),
              figure('outside the tasks', round(wallSeconds - report.totalSeconds, 1), 's', {
                note: 'start-up, environment start and stop, reports',
              }),
            ]
          : []),
      ],
      facts: {
        verdict: report?.verdict ?? `no report (exit ${child.exitCode ?? child.signal ?? 'unknown'})`,
        'exit code': String(child.exitCode ?? child.signal),
        ...(child.timedOut ? { 'timed out': `stopped after ${DRILL_TIMEOUT_MS / 60_000} min` } : {}),
        tasks: counts,
        ...(report ? { 'task durations': taskDurations(report) } : {}),
        ...(report ? failures(report) : { 'output tail': tail(child.all ?? '') }),
        'containers left after the run': String(leftovers),
        reports: reportsDir,
      },
    };
  },
};

async function readReport(reportsDir: string): Promise<DrillReport | undefined> {
  const text = await readFile(join(reportsDir, 'latest', 'report.json'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as DrillReport);
}

/** The run folders are named by run id, which labels the run's containers. */
async function removeLeftovers(reportsDir: string): Promise<number> {
  const entries = await readdir(reportsDir, { withFileTypes: true });
  let count = 0;
  for (const entry of entries.filter((e) => e.isDirectory() && e.name !== 'latest')) {
    count += (await listContainersOfRun(entry.name)).length;
    await removeContainersOfRun(entry.name);
  }
  return count;
}

function countStatuses(report: DrillReport): string {
  const counts = new Map<string, number>();
  for (const task of report.tasks) counts.set(task.status, (counts.get(task.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
}

function taskDurations(report: DrillReport): string {
  return report.tasks.map((task) => `${task.id} ${task.actualSeconds.toFixed(1)} s`).join(', ');
}

function failures(report: DrillReport): Record<string, string> {
  return Object.fromEntries(
    report.tasks
      .filter((task) => task.status !== 'passed')
      .map((task) => [
        `${task.id} ${task.status}`,
        task.skipReason ?? task.failures.map((failure) => failure.message.split('\n')[0]).join('; '),
      ]),
  );
}

function tail(output: string): string {
  return output.trim().split('\n').slice(-15).join('\n');
}
