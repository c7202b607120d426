// Runs `cdtn-drill run` the way a user does (a child `node bin/cdtn-drill.ts`) and gathers what the
// end-to-end tests check: exit status, output, the run's report files, and what the run left
// behind: containers labelled with its run id, processes started under the CLI still alive.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { listContainersOfRun } from '../../src/env/index.ts';
import type { DrillReport } from '../../src/report/index.ts';
import { listProcessTree } from '../search/process-tree.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
/** How often the CLI's process tree is sampled: its children live for seconds at least (workers, the API server). */
const SAMPLE_MS = 500;

export interface DrillRunOptions {
  /** Arguments after `cdtn-drill run`. */
  args: readonly string[];
  reportsDir: string;
  /** Added to the current environment (the suite runs under scripts/with-env.sh). */
  env?: Record<string, string>;
  /** Every stderr line as it comes (progress lines: `▶ 7/10 tt2 — …`). */
  onLine?: (line: string) => void;
  timeoutMs?: number;
}

export interface DrillRun {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  /** The run's folder name under the reports directory; undefined when no run started. */
  runId: string | undefined;
  report: DrillReport | undefined;
  junit: string | undefined;
  /** Containers labelled with the run id, after the CLI exited. */
  leftoverContainers: string[];
  /** Command lines of the processes seen under the CLI while it ran (the vitest workers). */
  processesSeen: string[];
  /** Processes seen under the CLI while it ran and still alive after it exited ("pid cmdline"). */
  leftoverProcesses: string[];
}

export async function runDrill(options: DrillRunOptions): Promise<DrillRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['bin/cdtn-drill.ts', 'run', '--reports', options.reportsDir, ...options.args],
    { cwd: ROOT, env: { ...process.env, ...options.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => stdout.push(chunk));
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr.push(line);
    options.onLine?.(line);
  });
  const seen = new Map<string, string>();
  const sampler = setInterval(() => void sampleTree(child.pid!, seen), SAMPLE_MS);
  const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 900_000);
  const code = await new Promise<number | null>((done) => child.once('close', done));
  clearInterval(sampler);
  clearTimeout(timer);
  const seconds = (performance.now() - started) / 1000;

  const runId = await findRunId(options.reportsDir);
  const runDir = runId === undefined ? undefined : join(options.reportsDir, runId);
  const read = (file: string) =>
    runDir === undefined ? undefined : readFile(join(runDir, file), 'utf8').catch(() => undefined);
  const reportText = await read('report.json');
  return {
    code,
    stdout: stdout.join(''),
    stderr: stderr.join('\n'),
    seconds,
    runId,
    report: reportText === undefined ? undefined : (JSON.parse(reportText) as DrillReport),
    junit: await read('junit.xml'),
    leftoverContainers: runId === undefined ? [] : await listContainersOfRun(runId),
    processesSeen: [...seen.values()],
    leftoverProcesses: await stillAlive(seen, child.pid!),
  };
}

/** Run folders are named after the run id (2026-11-27T06-40-12Z-3fa1); one run per reports folder here. */
async function findRunId(reportsDir: string): Promise<string | undefined> {
  const entries = await readdir(reportsDir, { withFileTypes: true }).catch(() => []);
  const runs = entries.filter((entry) => entry.isDirectory() && /^\d{4}-\d\d-\d\dT/.test(entry.name));
  if (runs.length > 1) throw new Error(`${reportsDir} holds ${runs.length} runs, expected one`);
  return runs[0]?.name;
}

/** Descendants keyed by pid and start time, so a recycled pid is not taken for a leftover. */
async function sampleTree(root: number, seen: Map<string, string>): Promise<void> {
  for (const pid of (await listProcessTree(root)).slice(1)) {
    const key = await processKey(pid);
    if (key !== undefined && !seen.has(key)) seen.set(key, await commandLine(pid));
  }
}

async function stillAlive(seen: ReadonlyMap<string, string>, root: number): Promise<string[]> {
  const left: string[] = [];
  for (const [key, command] of seen) {
    const pid = Number(key.split(':')[0]);
    if (pid !== root && (await processKey(pid)) === key) left.push(`${pid} ${command}`);
  }
  return left;
}

/** `<pid>:<start time in clock ticks>` (field 22 of /proc/<pid>/stat, after the command's parenthesis). */
async function processKey(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  if (state === 'Z' || state === 'X') return undefined;
  return `${pid}:${fields[19]}`;
}

async function commandLine(pid: number): Promise<string> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return raw.replaceAll('\0', ' ').trim();
}
