// The sensitivity matrix from a run's outcomes: what counts as proven, and every defect that must
// keep `cdtn-drill sensitivity` from exiting 0.
import { describe, expect, it } from 'vitest';
import { buildSensitivityReport } from '../../src/report/sensitivity/index.ts';
import type { AssertionOutcome } from '../../src/run/sensitivity/drill-session.ts';
import type { MutationRun, SensitivityRun } from '../../src/run/sensitivity/run-sensitivity.ts';

const passed = (id: string | undefined, title = `title of ${id}`): AssertionOutcome => ({
  id,
  task: 'tt2',
  title,
  state: 'passed',
});
const failed = (id: string, message: string): AssertionOutcome => ({
  ...passed(id),
  state: 'failed',
  message,
});

function mutationRun(id: string, breaks: string, outcomes: AssertionOutcome[], applied = true): MutationRun {
  return {
    task: 'tt2',
    mutation: { id, breaks, description: `${id} described` },
    applied,
    outcomes,
    problems: [],
    seconds: 1,
  };
}

const build = (run: Omit<SensitivityRun, 'seconds'>, slice = false) =>
  buildSensitivityReport({ ...run, seconds: 2 }, { runId: 'r1', slice, finishedAt: new Date(0) });

const baseline = { outcomes: [passed('tt2.totals'), passed('tt2.samples')], problems: [], seconds: 1 };

describe('buildSensitivityReport', () => {
  it('counts an assertion its mutation failed as proven, and the other as a defect', () => {
    const report = build({
      baseline,
      runs: [
        mutationRun('tt2.totals.row-deleted', 'tt2.totals', [
          failed('tt2.totals', 'table x has 9 rows, the manifest says 10'),
          passed('tt2.samples'),
        ]),
      ],
    });
    expect(report.headline).toBe('1 of 2 assertions proven sensitive');
    expect(report.assertions['tt2.totals']?.mutations).toEqual([
      {
        mutation: 'tt2.totals.row-deleted',
        description: 'tt2.totals.row-deleted described',
        verdict: 'failed as expected',
        message: 'table x has 9 rows, the manifest says 10',
      },
    ]);
    expect(report.defects).toEqual(['tt2.samples: no mutation makes it fail']);
  });

  it('records another assertion the mutation broke as "also failed"', () => {
    const report = build({
      baseline,
      runs: [
        mutationRun('tt2.totals.row-deleted', 'tt2.totals', [
          failed('tt2.totals', 'a'),
          failed('tt2.samples', 'b'),
        ]),
      ],
    });
    expect(report.assertions['tt2.samples']?.mutations[0]?.verdict).toBe('also failed');
    expect(report.proven).toBe(2);
    expect(report.defects).toEqual([]);
  });

  it('names a mutation its assertion survives, and one never applied, as defects', () => {
    const report = build({
      baseline,
      runs: [
        mutationRun('tt2.totals.row-deleted', 'tt2.totals', [passed('tt2.totals'), passed('tt2.samples')]),
        mutationRun(
          'tt2.samples.slug-altered',
          'tt2.samples',
          [passed('tt2.totals'), failed('tt2.samples', 'x')],
          false,
        ),
      ],
    });
    expect(report.assertions['tt2.totals']?.mutations[0]?.verdict).toBe('not caught');
    expect(report.proven).toBe(0);
    expect(report.defects).toEqual([
      'tt2.totals.row-deleted: tt2.totals still passes',
      'tt2.samples.slug-altered: never applied, so it proves nothing',
      'tt2.samples.slug-altered: tt2.samples still passes',
      'tt2.samples: no mutation makes it fail',
      'tt2.totals: no mutation makes it fail',
    ]);
  });

  it('takes a failing baseline and a test without id as defects; a slice does not require every assertion', () => {
    const report = build(
      {
        baseline: {
          outcomes: [failed('tt2.totals', 'down'), passed(undefined, 'untagged')],
          problems: [],
          seconds: 1,
        },
        runs: [],
      },
      true,
    );
    expect(report.defects).toEqual([
      'baseline: tt2.totals failed: down',
      'tt2: "untagged" has no assertion id',
    ]);
    expect(report.total).toBe(0);
  });
});
