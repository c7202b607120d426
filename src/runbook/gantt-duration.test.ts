import { describe, expect, it } from 'vitest';
import { looksLikeDuration, parseGanttDuration } from './gantt-duration.ts';

describe('parseGanttDuration', () => {
  it.each([
    ['5m', 300],
    ['20m', 1200],
    ['1h', 3600],
    ['1.5h', 5400],
    ['2d', 172_800],
    ['1w', 604_800],
    ['30s', 30],
    ['500ms', 0.5],
    [' 6m ', 360],
  ])('reads %s as %d s', (text, seconds) => {
    expect(parseGanttDuration(text)).toBe(seconds);
  });

  it.each(['5', 'm', '5x', '5 m', '1,5h', '-5m', 'after gt1', '08'])('rejects %j', (text) => {
    expect(parseGanttDuration(text)).toBeUndefined();
  });
});

describe('looksLikeDuration', () => {
  it('tells a mistyped duration from something else', () => {
    expect(looksLikeDuration('5x')).toBe(true);
    expect(looksLikeDuration('1,5h')).toBe(true);
    expect(looksLikeDuration('after gt1')).toBe(false);
    expect(looksLikeDuration('2024-01-01')).toBe(false);
  });
});
