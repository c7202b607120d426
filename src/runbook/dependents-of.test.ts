import { describe, expect, it } from 'vitest';
import { runbookPage } from '../../test/runbook/runbook-page.ts';
import { dependentsOf } from './dependents-of.ts';
import { parseRunbook } from './parse-runbook.ts';

const plan = parseRunbook(
  runbookPage({
    gantt: [
      'dateFormat HH',
      'Fin : f1, after b1 c1, 5m',
      'A : a1, 08, 09',
      'B : b1, after a1, 5m',
      'C : c1, after x1, 5m',
      'X : x1, 08, 09',
    ],
  }),
  'essai.md',
);

describe('dependentsOf', () => {
  it('returns direct and indirect dependents in plan order', () => {
    expect(dependentsOf(plan, 'a1')).toEqual(['b1', 'f1']);
    expect(dependentsOf(plan, 'x1')).toEqual(['c1', 'f1']);
    expect(dependentsOf(plan, 'f1')).toEqual([]);
  });

  it('rejects an id that is not in the plan', () => {
    expect(() => dependentsOf(plan, 'zz')).toThrow('essai.md: no task zz in the plan');
  });
});
