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
  } finally {
    await removeContainersOfRun(report.runId);
  }
});
