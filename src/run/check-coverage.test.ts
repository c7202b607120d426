import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../runbook/index.ts';
import { runbookPage } from '../../test/runbook/runbook-page.ts';
import { bindDrillFiles, CoverageError } from './check-coverage.ts';

const plan = parseRunbook(
  runbookPage({ gantt: ['dateFormat HH', 'A : a1, 08, 09', 'B : b1, after a1, 5m', 'C : c1, after b1, 5m'] }),
  'essai.md',
);
const file = (name: string) => ({ taskId: name.split('.')[0] as string, path: `drills/${name}` });

function coverageError(files: ReturnType<typeof file>[]): CoverageError {
  try {
    bindDrillFiles(plan, 'drills', files);
  } catch (error) {
    if (error instanceof CoverageError) return error;
    throw error;
  }
  throw new Error('expected a CoverageError');
}

describe('bindDrillFiles', () => {
  it('binds each task to its drill file, in plan order', () => {
    const files = [file('c1.x.drill.ts'), file('a1.y.drill.ts'), file('b1.z.drill.ts')];
    expect([...bindDrillFiles(plan, 'drills', files)]).toEqual([
      ['a1', 'drills/a1.y.drill.ts'],
      ['b1', 'drills/b1.z.drill.ts'],
      ['c1', 'drills/c1.x.drill.ts'],
    ]);
  });

  it('names every missing task, extra drill and duplicate at once', () => {
    const error = coverageError([
      file('a1.y.drill.ts'),
      file('a1.again.drill.ts'),
      file('z9.extra.drill.ts'),
    ]);
    expect(error.problems).toEqual({
      missing: ['b1', 'c1'],
      extra: [file('z9.extra.drill.ts')],
      duplicated: [{ taskId: 'a1', paths: ['drills/a1.y.drill.ts', 'drills/a1.again.drill.ts'] }],
    });
    expect(error.message).toContain('runbook tasks with no drill file in drills: b1 (B), c1 (C)');
    expect(error.message).toContain('drill files naming no task of essai.md: drills/z9.extra.drill.ts (z9)');
    expect(error.message).toContain('task a1 has several drill files');
  });
});
