// Ctrl-C during a run: the run is cancelled after the task in progress, the report is still
// written, and the CLI exits 130.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { DrillReport } from '../../src/report/index.ts';
import { fixtureRun, ROOT, temporaryReportsDir } from './run-cli.ts';

it('cancels the run on SIGINT and exits 130', async () => {
  await using reports = await temporaryReportsDir();
  const child = spawn(process.execPath, ['bin/cdtn-drill.ts', ...fixtureRun({ reports: reports.path })], {
    cwd: ROOT,
    env: { ...process.env, FIXTURE_SLOW_TASKS: 'a1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  try {
    // b1 has recorded its outcome: a1, the slow one, is running.
    const statePath = async () => {
      const [runId] = (await readdir(reports.path).catch(() => [])).filter((name) => name !== 'latest');
      return runId === undefined ? undefined : join(reports.path, runId, 'run-state.json');
    };
    for (let path = await statePath(); path === undefined || !existsSync(path); path = await statePath()) {
      await new Promise((done) => setTimeout(done, 100));
    }
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stderr).toMatch(/run \S+ interrupted by SIGINT/);
    const report = JSON.parse(
      await readFile(join(reports.path, 'latest', 'report.json'), 'utf8'),
    ) as DrillReport;
    expect(report.tasks.find((task) => task.id === 'b1')?.status).toBe('passed');
    expect(report.tasks.find((task) => task.id === 'd1')?.status).not.toBe('passed');
  } finally {
    child.kill('SIGKILL');
  }
});
