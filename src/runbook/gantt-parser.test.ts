import { describe, expect, it } from 'vitest';
import { lineOf } from '../../test/runbook/runbook-page.ts';
import { isGanttBlock, parseGantt } from './gantt-parser.ts';
import { readMarkdownPage, type FencedBlock } from './markdown-page.ts';
import { RunbookError } from './runbook-error.ts';

function blockOf(markdown: string): FencedBlock {
  return readMarkdownPage(markdown).blocks.find(isGanttBlock)!;
}

function gantt(...lines: string[]): string {
  return ['```mermaid', 'gantt', ...lines, '```'].join('\n');
}

function errorOf(markdown: string): RunbookError {
  try {
    parseGantt(blockOf(markdown), 'page.md');
  } catch (error) {
    if (error instanceof RunbookError) return error;
    throw error;
  }
  throw new Error('expected a RunbookError');
}

describe('parseGantt', () => {
  it('reads settings, sections, tags, ids, starts and ends', () => {
    const chart = parseGantt(
      blockOf(
        gantt(
          'dateFormat HH',
          'axisFormat %H',
          'title Essai',
          '%% a comment',
          'section Première',
          'Récupération du code : done, gt1, 08,09',
          'Étape : crit, active, gt2, after gt1, 5m %% trailing comment',
          'section Seconde',
          'Fin : milestone, tp1, after gt1 gt2, 0d',
        ),
      ),
      'page.md',
    );
    expect(chart).toMatchObject({ dateFormat: 'HH', axisFormat: '%H', title: 'Essai' });
    expect(chart.sections.map((s) => s.title)).toEqual(['Première', 'Seconde']);
    expect(chart.tasks).toMatchObject([
      {
        id: 'gt1',
        label: 'Récupération du code',
        section: 'Première',
        done: true,
        crit: false,
        start: { kind: 'date', seconds: 8 * 3600 },
        end: { kind: 'date', seconds: 9 * 3600 },
        line: 8,
      },
      {
        id: 'gt2',
        crit: true,
        active: true,
        start: { kind: 'after', ids: ['gt1'] },
        end: { kind: 'duration', seconds: 300 },
      },
      { id: 'tp1', section: 'Seconde', milestone: true, start: { kind: 'after', ids: ['gt1', 'gt2'] } },
    ]);
  });

  it('defaults to mermaid dateFormat YYYY-MM-DD', () => {
    const chart = parseGantt(blockOf(gantt('A : a1, 2024-03-01, 2d')), 'page.md');
    expect(chart.tasks[0]!.start).toEqual({ kind: 'date', seconds: Date.UTC(2024, 2, 1) / 1000 });
  });

  it('only takes mermaid blocks that start with gantt', () => {
    const page = readMarkdownPage(['```mermaid', 'flowchart LR', '```', '```js', 'gantt', '```'].join('\n'));
    expect(page.blocks.filter(isGanttBlock)).toEqual([]);
  });

  it.each([
    ['a task without id', 'Étape : after gt1, 5m', 'Étape : after gt1', /task "Étape" has no id/],
    ['a task with only a duration', 'Étape : crit, 5m', 'Étape : crit', /task "Étape" has no id/],
    ['an unparseable duration', 'Étape : gt2, after gt1, 5x', '5x', /task gt2: unparseable duration "5x"/],
    [
      'an unreadable end',
      'Étape : gt2, after gt1, soon',
      'soon',
      /task gt2: cannot read duration or end "soon"/,
    ],
    [
      'an unreadable start',
      'Étape : gt2, yesterday, 5m',
      'yesterday',
      /task gt2: cannot read start "yesterday"/,
    ],
    ['an invalid id', 'Étape : 2nd, after gt1, 5m', '2nd', /"2nd" is not a valid id/],
    ['too many fields', 'Étape : gt2, after gt1, 5m, 6m', '6m', /4 fields after its tags/],
    ['a line that is no statement', 'nonsense here', 'nonsense', /cannot read gantt line "nonsense here"/],
    ['an unsupported dateFormat', 'dateFormat X', 'dateFormat X', /dateFormat "X" is not supported/],
  ])('rejects %s, naming its line', (_, bad, snippet, message) => {
    const markdown = gantt('dateFormat HH', 'A : gt1, 08, 09', bad);
    const error = errorOf(markdown);
    expect(error.line).toBe(lineOf(markdown, snippet));
    expect(error.path).toBe('page.md');
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`page.md:${error.line}: `)).toBe(true);
  });

  it('rejects a duplicate id on its second line, naming the first', () => {
    const markdown = gantt(
      'dateFormat HH',
      'A : gt1, 08, 09',
      'B : gt2, after gt1, 5m',
      'C : gt1, after gt2, 5m',
    );
    const error = errorOf(markdown);
    expect(error.line).toBe(lineOf(markdown, 'C : gt1'));
    expect(error.message).toBe(
      `page.md:${error.line}: duplicate task id gt1 (first used at line ${lineOf(markdown, 'A : gt1')})`,
    );
  });
});
