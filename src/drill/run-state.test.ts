import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunState, recordTaskOutcome, skipReasonFor } from './run-state.ts';

describe('skipReasonFor', () => {
  const selected = ['a1', 'b1', 'c1', 'd1'];

  it('lets a task run when its selected dependencies passed', () => {
    expect(skipReasonFor(['a1'], selected, { a1: { outcome: 'passed' } })).toBeUndefined();
  });

  it('names the dependency that failed, was skipped or did not finish', () => {
    expect(
      skipReasonFor(['a1', 'b1'], selected, { a1: { outcome: 'passed' }, b1: { outcome: 'failed' } }),
    ).toBe('depends on b1, which failed');
    expect(skipReasonFor(['c1'], selected, { c1: { outcome: 'skipped' } })).toBe(
      'depends on c1, which was skipped',
    );
    expect(skipReasonFor(['d1'], selected, {})).toBe('depends on d1, which did not finish');
  });

  it('takes dependencies outside the selection as done', () => {
    expect(skipReasonFor(['x1'], selected, {})).toBeUndefined();
  });
});

describe('run state file', () => {
  it('records outcomes one task after the other', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'run-state-'));
    try {
      const path = join(dir, 'run', 'run-state.json');
      expect(readRunState(path)).toEqual({});
      recordTaskOutcome(path, 'b1', { outcome: 'failed' });
      recordTaskOutcome(path, 'a1', { outcome: 'skipped', reason: 'depends on b1, which failed' });
      expect(readRunState(path)).toEqual({
        b1: { outcome: 'failed' },
        a1: { outcome: 'skipped', reason: 'depends on b1, which failed' },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
