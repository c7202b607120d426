// End to end: the CLI on fixture runbooks and fixture drills (order, skips, coverage, exit codes).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunState } from '../../src/drill/index.ts';
import type { DrillReport } from '../../src/report/index.ts';
import { loadPlan } from '../../src/runbook/index.ts';
import { fixture, fixtureRun, runCli, temporaryReportsDir } from './run-cli.ts';

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

describe('cdtn-drill run', () => {
  it('runs the drill files in the order of the dependencies, not of their names', async () => {
    await using reports = await temporaryReportsDir();
    const result = await runCli(fixtureRun({ reports: reports.path }));
    expect(result.code, result.stderr).toBe(0);
    const plan = await loadPlan(fixture('runbooks/chain.md'));
    // The run state is written as each task ends: its key order is the execution order.
    const state = await readJson<RunState>(join(reports.path, 'latest', 'run-state.json'));
    const fileOrder = (await readdir(fixture('drills/chain'))).map((name) => name.split('.')[0]);
    expect(Object.keys(state)).toEqual(plan.tasks.map((task) => task.id));
    expect(Object.keys(state)).not.toEqual(fileOrder);
  });

  it('skips the dependents of a failed task, with the reason, and exits 1', async () => {
    await using reports = await temporaryReportsDir();
    const result = await runCli(fixtureRun({ reports: reports.path }), { FIXTURE_FAIL_TASKS: 'c1' });
    expect(result.code).toBe(1);
    const report = await readJson<DrillReport>(join(reports.path, 'latest', 'report.json'));
    expect(report.verdict).toBe('failed');
    expect(report.tasks.map((task) => [task.id, task.status, task.skipReason])).toEqual([
      ['b1', 'passed', undefined],
      ['a1', 'passed', undefined],
      ['c1', 'failed', undefined],
      ['d1', 'skipped', 'depends on c1, which failed'],
    ]);
  });

  it('masks secrets of the environment in every report file and on the console', async () => {
    await using reports = await temporaryReportsDir();
    const token = `token-${process.pid}-${Date.now()}`;
    const password = `pw-${process.pid}-${Date.now()}`;
    const result = await runCli(fixtureRun({ reports: reports.path }), {
      FIXTURE_FAIL_TASKS: 'c1',
      FIXTURE_QUOTE: `the database refused password ${password}; GitHub refused ${token}`,
      DATABASE_URL: `postgres://cdtn:${password}@db.invalid:5432/cdtn`,
      GITHUB_TOKEN: token,
    });
    expect(result.code).toBe(1);
    const files = ['report.json', 'junit.xml', 'report.md'].map(
      async (name) => [name, await readFile(join(reports.path, 'latest', name), 'utf8')] as const,
    );
    const printed = [
      ['stdout', result.stdout],
      ['stderr', result.stderr],
    ] as const;
    for (const [name, text] of [...(await Promise.all(files)), ...printed]) {
      expect(text, name).toContain('the database refused password ***; GitHub refused ***');
      expect(text, name).not.toContain(token);
      expect(text, name).not.toContain(password);
    }
  });

  it('says a task whose dependency was skipped is skipped too', async () => {
    await using reports = await temporaryReportsDir();
    // b1 fails: a1 and c1 are skipped because of it, d1 because c1 was skipped.
    await runCli(fixtureRun({ reports: reports.path }), { FIXTURE_FAIL_TASKS: 'b1' });
    const report = await readJson<DrillReport>(join(reports.path, 'latest', 'report.json'));
    expect(report.tasks.map((task) => task.skipReason)).toEqual([
      undefined,
      'depends on b1, which failed',
      'depends on b1, which failed',
      'depends on c1, which was skipped',
    ]);
  });

  it('fails a task whose drill file does not load and skips its dependents', async () => {
    await using reports = await temporaryReportsDir();
    const result = await runCli(fixtureRun({ reports: reports.path }), { FIXTURE_BREAK_TASKS: 'c1' });
    expect(result.code).toBe(1);
    const report = await readJson<DrillReport>(join(reports.path, 'latest', 'report.json'));
    const [c1, d1] = report.tasks.slice(2);
    expect(c1?.status).toBe('failed');
    expect(c1?.failures.map((failure) => failure.message)).toEqual([
      'test/fixtures/drills/chain/c1.restore.drill.ts: c1 breaks on loading',
    ]);
    expect(d1?.skipReason).toBe('depends on c1, which did not finish');
    const junit = await readFile(join(reports.path, 'latest', 'junit.xml'), 'utf8');
    expect(junit).toContain('<testcase classname="c1" name="c1 loading and hooks" time="0">');
  });

  it('runs only the selected tasks; dependencies left out count as done', async () => {
    await using reports = await temporaryReportsDir();
    const only = await runCli(fixtureRun({ reports: reports.path }, '--only', 'a1,d1'));
    expect(only.code, only.stderr).toBe(0);
    const onlyReport = await readJson<DrillReport>(join(reports.path, 'latest', 'report.json'));
    expect(onlyReport.tasks.map((task) => [task.id, task.status])).toEqual([
      ['a1', 'passed'],
      ['d1', 'passed'],
    ]);
    const from = await runCli(fixtureRun({ reports: reports.path }, '--from', 'c1'));
    expect(from.code, from.stderr).toBe(0);
    const fromReport = await readJson<DrillReport>(join(reports.path, 'latest', 'report.json'));
    expect(fromReport.tasks.map((task) => task.id)).toEqual(['c1', 'd1']);
  });

  it('fails coverage naming the tasks without drills and the drills without tasks, before running', async () => {
    await using reports = await temporaryReportsDir();
    const result = await runCli([
      ...fixtureRun({ reports: reports.path }, '--only', 'b1').slice(0, -2),
      '--drills',
      fixture('drills/coverage'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'runbook tasks with no drill file in test/fixtures/drills/coverage: d1 (Contrôler)',
    );
    expect(result.stderr).toContain('drill files naming no task of');
    expect(result.stderr).toContain('test/fixtures/drills/coverage/z9.extra.drill.ts (z9)');
    expect(await readdir(reports.path)).toEqual([]);
  });

  it('lists what would run on --dry-run and touches nothing', async () => {
    await using reports = await temporaryReportsDir();
    const result = await runCli(fixtureRun({ reports: join(reports.path, 'never') }, '--dry-run'));
    expect(result.code, result.stderr).toBe(0);
    const ids = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(ids).toEqual(['b1', 'a1', 'c1', 'd1']);
    expect(existsSync(join(reports.path, 'never'))).toBe(false);
  });

  it('stops before anything starts on invalid DRILL_* variables, every one listed, a secret redacted', async () => {
    await using reports = await temporaryReportsDir();
    const result = await runCli(fixtureRun({ reports: join(reports.path, 'never') }), {
      DRILL_JOB_TIMEOUT_MS: 'soon',
      DRILL_RESTORE_TEST: 'elsewhere',
      DRILL_NOTIFY_WEBHOOK: 'ftp://chat.example/hooks/key-4242',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      [
        'cdtn-drill run: invalid DRILL_* variables, 3 problem(s):',
        '  - DRILL_JOB_TIMEOUT_MS: expected a positive integer, received "soon"',
        '  - DRILL_RESTORE_TEST: expected same-server or throwaway, received "elsewhere"',
        '  - DRILL_NOTIFY_WEBHOOK: expected an http(s) URL, received <redacted>',
      ].join('\n'),
    );
    expect(result.stderr).not.toContain('key-4242');
    expect(existsSync(join(reports.path, 'never'))).toBe(false);
  });

  it('reports an over-budget run, and exits 3 only with --enforce-budget', async () => {
    await using reports = await temporaryReportsDir();
    const args = fixtureRun({ runbook: 'budget', drills: 'budget', reports: reports.path });
    const lenient = await runCli(args);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toContain('over budget');
    const report = await readJson<DrillReport>(join(reports.path, 'latest', 'report.json'));
    expect(report.verdict).toBe('over-budget');
    expect(report.totalSeconds).toBeGreaterThan(report.runbook.budgetSeconds);
    // e1 outran its estimate: its bar in the run's gantt is marked crit.
    expect(await readFile(join(reports.path, 'latest', 'report.md'), 'utf8')).toMatch(
      /^ {2}Attendre :crit, e1, 0, \d+s$/m,
    );
    const enforced = await runCli([...args, '--enforce-budget']);
    expect(enforced.code).toBe(3);
  });

  it('fails on runbook lint only under --strict', async () => {
    const findings = (await loadPlan(fixture('runbooks/chain-wrong-total.md'))).lint;
    expect(findings.map((finding) => finding.rule)).toContain('total-mismatch');
    const args = fixtureRun({ runbook: 'chain-wrong-total', reports: 'unused' }, '--dry-run');
    const lenient = await runCli(args);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stderr).toContain('lint warning total-mismatch');
    const strict = await runCli([...args, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`--strict: ${findings.length} runbook lint finding(s) fail the run`);
  });

  it('reports every option problem at once with exit 2', async () => {
    const result = await runCli(['run', '--target', 'prod', '--bogus', '--from']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--target: expected ephemeral or cluster, received "prod"');
    expect(result.stderr).toContain('--bogus: expected one of');
    expect(result.stderr).toContain('--from: expected a task id, received nothing');
    const unknownIds = await runCli(fixtureRun({ reports: 'unused' }, '--only', 'a1,zz', '--dry-run'));
    expect(unknownIds.code).toBe(2);
    expect(unknownIds.stderr).toContain(
      '--only: expected a task of the runbook (b1, a1, c1, d1), received "zz"',
    );
  });
});
