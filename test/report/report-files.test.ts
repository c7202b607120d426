// End to end: the reporter's files for a fixture run where c1 fails and d1 is skipped because of it.
// Durations, times and paths are stripped before comparing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { DrillReport } from '../../src/report/index.ts';
import { loadPlan, type Plan } from '../../src/runbook/index.ts';
import { fixture, fixtureRun, runCli, temporaryReportsDir, type CliResult } from '../run/run-cli.ts';

let reports: Awaited<ReturnType<typeof temporaryReportsDir>>;
let run: CliResult;
let plan: Plan;
const latest = (name: string): Promise<string> => readFile(join(reports.path, 'latest', name), 'utf8');

beforeAll(async () => {
  reports = await temporaryReportsDir();
  plan = await loadPlan(fixture('runbooks/chain.md'));
  run = await runCli(fixtureRun({ reports: reports.path }), { FIXTURE_FAIL_TASKS: 'c1' });
});
afterAll(() => reports[Symbol.asyncDispose]());

const fixtureTask = (id: string, status: string, extra: Record<string, unknown> = {}) => {
  const task = plan.tasks.find((candidate) => candidate.id === id);
  const ran = status !== 'skipped';
  return {
    id,
    label: task?.label,
    section: task?.section,
    estimateSeconds: task?.estimateSeconds,
    actualSeconds: 'N',
    status,
    assertions: 2,
    // A skipped task's assertions are all skipped; these are the fixture drill's two.
    skippedAssertions: ran
      ? []
      : ['runs after the tasks of this run it depends on', 'holds unless the test makes it fail'],
    failures: [],
    warnings: ran ? [`${id} is a fixture`] : [],
    measures: ran
      ? [
          { name: 'setupMs', value: 1, unit: 'ms' },
          { name: 'rowsPerSecond', value: 42, unit: 'rows/s' },
        ]
      : [],
    ...extra,
  };
};

describe('the drill reporter', () => {
  it('announces one line and writes the run folder and its latest copy', async () => {
    const announcements = run.stdout.split('\n').filter((line) => line.startsWith('report written to '));
    expect(announcements).toHaveLength(1);
    const runDir = announcements[0]?.slice('report written to '.length) ?? '';
    expect(await readFile(join(runDir, 'report.json'), 'utf8')).toBe(await latest('report.json'));
  });

  it('writes report.json in the issue format, with measures and skip reasons', async () => {
    const report = JSON.parse(await latest('report.json')) as DrillReport;
    const seconds = [
      report.totalSeconds,
      report.criticalPathSeconds,
      ...report.tasks.map((t) => t.actualSeconds),
    ];
    expect(seconds.every((value) => value >= 0)).toBe(true);
    expect(report.tasks.find((task) => task.id === 'd1')?.actualSeconds).toBe(0);
    expect(Date.parse(report.finishedAt)).toBeGreaterThanOrEqual(Date.parse(report.startedAt));
    expect(report.wallSeconds).toBeGreaterThanOrEqual(report.totalSeconds);
    const stripped = {
      ...report,
      runId: 'RUN',
      startedAt: 'T',
      finishedAt: 'T',
      totalSeconds: 'N',
      wallSeconds: 'N',
      criticalPathSeconds: 'N',
      runbook: { ...report.runbook, path: report.runbook.path.endsWith('test/fixtures/runbooks/chain.md') },
      tasks: report.tasks.map((task) => ({ ...task, actualSeconds: 'N' })),
      versions: typeof report.versions?.['harness commit'],
    };
    expect(stripped).toEqual({
      runId: 'RUN',
      target: 'ephemeral',
      runbook: { path: true, budgetSeconds: plan.budgetSeconds },
      startedAt: 'T',
      finishedAt: 'T',
      totalSeconds: 'N',
      wallSeconds: 'N',
      // A fixture run (--no-env) has nothing to do before its first task.
      setup: [],
      criticalPathSeconds: 'N',
      verdict: 'failed',
      tasks: [
        fixtureTask('b1', 'passed'),
        fixtureTask('a1', 'passed'),
        fixtureTask('c1', 'failed', {
          failures: [
            { message: "holds unless the test makes it fail: expected [ 'c1' ] to not include 'c1'" },
          ],
        }),
        fixtureTask('d1', 'skipped', { skipReason: 'depends on c1, which failed' }),
      ],
      lint: plan.lint,
      versions: 'string',
    });
  });

  it('writes junit.xml with one test case per assertion, grouped by task', async () => {
    const xml = (await latest('junit.xml'))
      .replace(/ time="[\d.]+"/g, '')
      .replace(/testsuites name="[^"]+"/, 'testsuites name="RUN"');
    const passing = (id: string) => [
      `    <testcase classname="${id}" name="runs after the tasks of this run it depends on"/>`,
      `    <testcase classname="${id}" name="holds unless the test makes it fail"/>`,
    ];
    const skipped = (name: string) => [
      `    <testcase classname="d1" name="${name}">`,
      '      <skipped message="depends on c1, which failed"/>',
      '    </testcase>',
    ];
    expect(xml.split('\n')).toEqual([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="RUN" tests="8" failures="1">',
      '  <testsuite name="b1 — Préparer le terrain" tests="2" failures="0" skipped="0" errors="0">',
      ...passing('b1'),
      '  </testsuite>',
      '  <testsuite name="a1 — Vérifier les accès" tests="2" failures="0" skipped="0" errors="0">',
      ...passing('a1'),
      '  </testsuite>',
      '  <testsuite name="c1 — Restaurer" tests="2" failures="1" skipped="0" errors="0">',
      '    <testcase classname="c1" name="runs after the tasks of this run it depends on"/>',
      '    <testcase classname="c1" name="holds unless the test makes it fail">',
      "      <failure message=\"expected [ 'c1' ] to not include 'c1'\">expected [ 'c1' ] to not include 'c1'</failure>",
      '    </testcase>',
      '  </testsuite>',
      '  <testsuite name="d1 — Contrôler" tests="2" failures="0" skipped="2" errors="0">',
      ...skipped('runs after the tasks of this run it depends on'),
      ...skipped('holds unless the test makes it fail'),
      '  </testsuite>',
      '</testsuites>',
      '',
    ]);
  });

  it('writes report.md with the task table and both gantts, overruns marked crit', async () => {
    const markdown = await latest('report.md');
    const rows = markdown
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Task') && !line.startsWith('| ---'))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| | \|$/g, '')));
    // Estimate, actual and ratio columns: durations vary, their presence does not.
    expect(
      rows.map(([task, estimate, actual, ratio, status]) => [
        task,
        estimate,
        actual === '–',
        ratio === '–',
        status,
      ]),
    ).toEqual([
      ['b1 — Préparer le terrain', '1 min', false, false, 'passed'],
      ['a1 — Vérifier les accès', '1 min', false, false, 'passed'],
      ['c1 — Restaurer', '1 min', false, false, 'failed'],
      ['d1 — Contrôler', '1 min', true, true, 'skipped: depends on c1, which failed'],
    ]);
    const [planned, actual] = [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map(
      (match) => match[1] ?? '',
    );
    expect(planned).toContain('section Reprise\n  Restaurer :c1, 60, 60s\n  Contrôler :d1, 120, 60s');
    // The fixture tasks take far less than their minute: no bar of the run is an overrun.
    expect(
      actual
        ?.match(/^ {2}\S.* :(crit, )?\w+, \d+, \d+s$/gm)
        ?.map((line) => line.split(':')[1]?.split(',')[0]),
    ).toEqual(['b1', 'a1', 'c1']);
  });
});
