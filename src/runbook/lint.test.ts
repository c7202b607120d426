import { describe, expect, it } from 'vitest';
import { lineOf, runbookPage } from '../../test/runbook/runbook-page.ts';
import { ESTIMATE_TOLERANCE, isWithin, TOTAL_TOLERANCE } from './lint.ts';
import { parseRunbook } from './parse-runbook.ts';

const gantt = ['dateFormat HH:mm', 'Cloner : c1, 08:00, 1h', 'Restaurer : r1, after c1, 10m'];

describe('runbook lint', () => {
  it('is quiet when the page agrees with itself', () => {
    const plan = parseRunbook(
      runbookPage({
        gantt,
        body: [
          '## Cloner (c1)',
          'Estimation du temps : environ 1 heure',
          '## Restaurer (r1)',
          'Estimation du temps : ~ 10 minutes',
        ],
        total: '~ 1 heure 10 minutes',
      }),
      'essai.md',
    );
    expect(plan.lint).toEqual([]);
  });

  it('flags a gantt duration that contradicts the prose estimate, on the gantt line', () => {
    const markdown = runbookPage({
      gantt,
      body: [
        '## Cloner (c1)',
        'Estimation du temps : ~ 5 minutes',
        '## Restaurer (r1)',
        'Estimation du temps : ~ 12 minutes',
      ],
      total: '~ 1 heure 10 minutes',
    });
    const plan = parseRunbook(markdown, 'essai.md');
    const mismatches = plan.lint.filter((f) => f.rule === 'estimate-mismatch');
    // r1: 10 min in the gantt vs ~12 in the text is within tolerance; c1: 1 h vs ~5 min is not.
    expect(mismatches).toEqual([
      {
        rule: 'estimate-mismatch',
        severity: 'warning',
        taskId: 'c1',
        line: lineOf(markdown, 'Cloner : c1'),
        message: `c1 (Cloner): the gantt gives 1 h (line ${lineOf(markdown, 'Cloner : c1')}), the text says 5 min (line ${lineOf(markdown, '~ 5 minutes')})`,
      },
    ]);
  });

  it('flags gantt and prose sums that do not add up to the stated total', () => {
    const markdown = runbookPage({
      gantt,
      body: [
        '## Cloner (c1)',
        'Estimation du temps : ~ 5 minutes',
        '## Restaurer (r1)',
        'Estimation du temps : ~ 10 minutes',
      ],
      total: '~ 30 minutes',
    });
    const totals = parseRunbook(markdown, 'essai.md').lint.filter((f) => f.rule === 'total-mismatch');
    expect(totals.map((f) => f.message)).toEqual([
      `the gantt durations add up to 1 h 10 min, the stated total is 30 min (line ${lineOf(markdown, 'total')}, +40 min)`,
      `the prose estimates add up to 15 min, the stated total is 30 min (line ${lineOf(markdown, 'total')}, -15 min)`,
    ]);
  });

  it('flags tasks without a heading, without an estimate line, or with an unreadable one', () => {
    const markdown = runbookPage({
      gantt: [...gantt, 'Vérifier : v1, after r1, 5m'],
      body: [
        '## Restaurer (r1)',
        'Pas de durée ici.',
        '## Vérifier (v1)',
        'Estimation du temps : quelques minutes',
      ],
      total: '~ 1 heure 15 minutes',
    });
    const missing = parseRunbook(markdown, 'essai.md').lint.filter(
      (f) => f.rule === 'missing-prose-estimate',
    );
    expect(missing.map((f) => [f.taskId, f.line])).toEqual([
      ['c1', lineOf(markdown, 'Cloner : c1')],
      ['r1', lineOf(markdown, '## Restaurer')],
      ['v1', lineOf(markdown, 'quelques minutes')],
    ]);
    expect(missing[0]!.message).toBe('c1 (Cloner) has no heading ending in "(c1)", so no prose estimate');
  });

  it('counts tasks without prose at their gantt duration in the prose sum, and says so', () => {
    const markdown = runbookPage({
      gantt,
      body: ['## Cloner (c1)', 'Estimation du temps : ~ 5 minutes'],
      total: '~ 3 heures',
    });
    const prose = parseRunbook(markdown, 'essai.md').lint.find((f) => f.message.startsWith('the prose'));
    expect(prose?.message).toMatch(
      /^the prose estimates \(1 task\(s\) without one counted at their gantt duration\) add up to 15 min/,
    );
  });
});

describe('tolerances', () => {
  it('allow a quarter around a prose estimate, at least a minute', () => {
    expect(isWithin(ESTIMATE_TOLERANCE, 1200 * 1.25, 1200)).toBe(true);
    expect(isWithin(ESTIMATE_TOLERANCE, 1200 * 1.25 + 1, 1200)).toBe(false);
    expect(isWithin(ESTIMATE_TOLERANCE, 60, 0)).toBe(true);
  });

  it('allow 5 % around the stated total', () => {
    expect(isWithin(TOTAL_TOLERANCE, 12_600 * 1.05, 12_600)).toBe(true);
    expect(isWithin(TOTAL_TOLERANCE, 12_600 * 0.94, 12_600)).toBe(false);
  });
});
