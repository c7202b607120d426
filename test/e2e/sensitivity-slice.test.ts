// `cdtn-drill sensitivity --slice`: one mutation per drill, on one environment, each of which must
// make the assertion it names fail with a message; the matrix is written to sensitivity.json and
// index.html. (The nightly workflow runs the whole matrix.)
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { SensitivityReport } from '../../src/report/sensitivity/index.ts';
import { ROOT } from './drill-run.ts';

let reportsDir: string | undefined;
afterAll(async () => {
  if (reportsDir !== undefined) await rm(reportsDir, { recursive: true, force: true });
});

it("each drill's first mutation breaks the assertion it names", { timeout: 1_800_000 }, async () => {
  reportsDir = await mkdtemp(join(tmpdir(), 'cdtn-e2e-sensitivity-'));
  const child = spawn(
    process.execPath,
    ['bin/cdtn-drill.ts', 'sensitivity', '--slice', '--reports', reportsDir],
    {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('close', done));
  expect(code, output.join('')).toBe(0);

  const report = JSON.parse(
    await readFile(join(reportsDir, 'latest', 'sensitivity.json'), 'utf8'),
  ) as SensitivityReport;
  expect(report.slice).toBe(true);
  expect(new Set(report.mutations.map((mutation) => mutation.task)).size).toBe(10);
  for (const mutation of report.mutations) {
    const tried = report.assertions[mutation.breaks]?.mutations.find(
      (entry) => entry.mutation === mutation.id,
    );
    expect(tried?.verdict, mutation.id).toBe('failed as expected');
    expect(tried?.message, mutation.id).toBeTruthy();
  }
  const html = await readFile(join(reportsDir, 'latest', 'index.html'), 'utf8');
  expect(html).toContain(report.headline);
});
