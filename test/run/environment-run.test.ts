// End to end with a real environment: the drills project's global setup starts PostgreSQL and the
// search engine once, drills reach them through useEnv(), and the run stops them even when a task fails.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { listContainersOfRun, removeContainersOfRun } from '../../src/env/index.ts';
import type { DrillReport } from '../../src/report/index.ts';
import { fixtureRun, runCli, temporaryReportsDir } from './run-cli.ts';

it('starts the environment once, hands it to the drills and stops it after a failed task', async () => {
  await using reports = await temporaryReportsDir();
  const args = fixtureRun({ runbook: 'env', drills: 'env', reports: reports.path }).filter(
    (arg) => arg !== '--no-env',
  );
  const result = await runCli(args);
  const report = JSON.parse(
    await readFile(join(reports.path, 'latest', 'report.json'), 'utf8'),
  ) as DrillReport;
  try {
    expect(
      report.tasks.map((task) => [task.id, task.status]),
      result.stderr + result.stdout,
    ).toEqual([
      ['e1', 'passed'],
      ['e2', 'failed'],
    ]);
    expect(result.code).toBe(1);
    expect(await listContainersOfRun(report.runId)).toEqual([]);
    // What the global setup did before the first task is in the report, and within its wall time.
    const setup = report.setup ?? [];
    expect(setup.map((phase) => phase.name)).toEqual([
      'environment start',
      'backup fixture',
      'S3-compatible server',
      'data packages for tt3',
    ]);
    expect(setup.every((phase) => phase.seconds > 0)).toBe(true);
    const accounted = setup.reduce((sum, phase) => sum + phase.seconds, report.totalSeconds);
    expect(report.wallSeconds).toBeGreaterThanOrEqual(accounted);
  } finally {
    await removeContainersOfRun(report.runId);
  }
});

it('reports an environment that cannot start on the tasks that need it, and leaves nothing behind', async () => {
  await using reports = await temporaryReportsDir();
  const args = fixtureRun({ runbook: 'env', drills: 'env', reports: reports.path }).filter(
    (arg) => arg !== '--no-env',
  );
  const image = 'localhost/cdtn-drill-no-such-image:0';
  const result = await runCli(args, { DRILL_PG_IMAGE: image });
  const report = JSON.parse(
    await readFile(join(reports.path, 'latest', 'report.json'), 'utf8'),
  ) as DrillReport;
  try {
    expect(result.code, result.stderr + result.stdout).toBe(1);
    const [e1, e2] = report.tasks;
    expect(e1?.status).toBe('failed');
    expect(e1?.failures[0]?.message).toContain('e1: no environment: cannot start the ephemeral environment');
    expect(e1?.failures[0]?.message).toContain(image);
    expect([e2?.status, e2?.skipReason]).toEqual(['skipped', 'depends on e1, which failed']);
    expect(await listContainersOfRun(report.runId)).toEqual([]);
  } finally {
    await removeContainersOfRun(report.runId);
  }
});
