import { describe, expect, it } from 'vitest';
import { lineOf, runbookPage } from '../../test/runbook/runbook-page.ts';
import { parseRunbook } from './parse-runbook.ts';
import { RunbookError } from './runbook-error.ts';

function errorOf(markdown: string): RunbookError {
  try {
    parseRunbook(markdown, 'essai.md');
  } catch (error) {
    if (error instanceof RunbookError) return error;
    throw error;
  }
  throw new Error('expected a RunbookError');
}

describe('parseRunbook errors', () => {
  it('names an unknown after id with the task line', () => {
    const markdown = runbookPage({ gantt: ['dateFormat HH', 'A : tt2, 08, 09', 'B : tt3, after tx9, 5m'] });
    const error = errorOf(markdown);
    expect(error.message).toBe(`essai.md:${lineOf(markdown, 'B : tt3')}: task tt3 depends on unknown id tx9`);
    expect(error.line).toBe(7);
  });

  it('names the ids of a cycle', () => {
    const markdown = runbookPage({
      gantt: [
        'dateFormat HH',
        'A : a1, 08, 09',
        'B : b1, after a1 c1, 5m',
        'C : c1, after b1, 5m',
        'D : d1, after c1, 5m',
      ],
    });
    const error = errorOf(markdown);
    expect(error.line).toBe(lineOf(markdown, 'B : b1'));
    expect(error.detail).toMatch(/^dependency cycle: (b1 → c1 → b1|c1 → b1 → c1)$/);
  });

  it('names a task that waits on itself', () => {
    const markdown = runbookPage({ gantt: ['dateFormat HH', 'A : a1, 08, 09', 'B : b1, after b1, 5m'] });
    expect(errorOf(markdown).detail).toBe('dependency cycle: b1 → b1');
  });

  it('says when there is no gantt block, without a line', () => {
    const error = errorOf(
      '# Plan\n\n```mermaid\nflowchart LR\n```\n\nEstimation total du temps : ~ 1 heure\n',
    );
    expect(error.line).toBeUndefined();
    expect(error.message).toMatch(/^essai\.md: no mermaid gantt block/);
  });

  it('says when there is no total, or a total it cannot read', () => {
    expect(errorOf(runbookPage({ gantt: ['A : a1, 2024-01-01, 1d'], total: null })).message).toMatch(
      /^essai\.md: no "Estimation total du temps/,
    );
    const unreadable = runbookPage({ gantt: ['A : a1, 2024-01-01, 1d'], total: 'assez long' });
    expect(errorOf(unreadable).line).toBe(lineOf(unreadable, 'assez long'));
  });

  it('rejects two headings for one task', () => {
    const markdown = runbookPage({
      gantt: ['A : a1, 2024-01-01, 1d'],
      body: ['## Un (a1)', '', '## Encore (a1)'],
    });
    const error = errorOf(markdown);
    expect(error.line).toBe(lineOf(markdown, 'Encore'));
    expect(error.detail).toBe(`task a1 has a second heading (first at line ${lineOf(markdown, '## Un')})`);
  });

  it('rejects a task whose end date comes before its start', () => {
    const markdown = runbookPage({ gantt: ['dateFormat HH', 'A : a1, 08, 09', 'B : b1, after a1, 08'] });
    const error = errorOf(markdown);
    expect([error.line, error.detail]).toEqual([lineOf(markdown, 'B : b1'), 'task b1 ends before it starts']);
  });

  it('rejects a gantt block without tasks, on the fence line', () => {
    const markdown = runbookPage({ gantt: ['dateFormat HH', 'section Vide'] });
    const error = errorOf(markdown);
    expect([error.line, error.detail]).toEqual([
      lineOf(markdown, '```mermaid'),
      'the gantt block has no tasks',
    ]);
  });

  it('propagates gantt line errors with their file line', () => {
    const markdown = runbookPage({
      gantt: ['dateFormat HH', 'A : a1, 08, 09', 'B : b1, after a1, 5 minutes'],
    });
    expect(errorOf(markdown).line).toBe(lineOf(markdown, '5 minutes'));
  });
});

describe('parseRunbook plan', () => {
  it('orders tasks by dependency, keeping page order among ready tasks', () => {
    const plan = parseRunbook(
      runbookPage({
        gantt: [
          'dateFormat HH:mm',
          'section Deux',
          'Restaurer : r1, after p1, 10m',
          'Vérifier : v1, after r1 i1, 5m',
          'section Un',
          'Préparer : p1, 08:00, 20m',
          'Installer : i1, 08:00, 1h',
        ],
      }),
      'essai.md',
    );
    expect(plan.tasks.map((t) => t.id)).toEqual(['p1', 'r1', 'i1', 'v1']);
    expect(plan.sections).toEqual([
      { title: 'Deux', taskIds: ['r1', 'v1'] },
      { title: 'Un', taskIds: ['p1', 'i1'] },
    ]);
  });

  it('computes planned offsets from the earliest start and durations from dates or lengths', () => {
    const plan = parseRunbook(
      runbookPage({
        gantt: ['dateFormat HH', 'A : done, a1, 08,09', 'B : b1, after a1, 5m', 'C : c1, 10, 1.5h'],
      }),
      'essai.md',
    );
    const times = plan.tasks.map((t) => [
      t.id,
      t.estimateSeconds,
      t.plannedStartSeconds,
      t.plannedEndSeconds,
    ]);
    expect(times).toEqual([
      ['a1', 3600, 0, 3600],
      ['b1', 300, 3600, 3900],
      ['c1', 5400, 7200, 12_600],
    ]);
    expect(plan.tasks[0]).toMatchObject({ done: true, dependsOn: [] });
  });

  it('starts a task after the last of several dependencies', () => {
    const plan = parseRunbook(
      runbookPage({
        gantt: ['dateFormat HH', 'A : a1, 08, 09', 'B : b1, 08, 10', 'Fin : milestone, m1, after a1 b1, 0d'],
      }),
      'essai.md',
    );
    expect(plan.tasks.find((t) => t.id === 'm1')).toMatchObject({
      dependsOn: ['a1', 'b1'],
      plannedStartSeconds: 7200,
      plannedEndSeconds: 7200,
      estimateSeconds: 0,
    });
  });

  it('finds the longest dependency chain as the critical path', () => {
    // a1 → {court (5m), long1 → long2 (20m + 30m)} → fin: the long branch is critical.
    const plan = parseRunbook(
      runbookPage({
        gantt: [
          'dateFormat HH:mm',
          'A : a1, 08:00, 10m',
          'Court : c1, after a1, 5m',
          'Long : l1, after a1, 20m',
          'Long 2 : l2, after l1, 30m',
          'Fin : f1, after c1 l2, 15m',
          'À part : x1, 08:00, 1h',
        ],
      }),
      'essai.md',
    );
    expect(plan.criticalPath).toEqual(['a1', 'l1', 'l2', 'f1']);
    expect(plan.criticalPathSeconds).toBe((10 + 20 + 30 + 15) * 60);
  });

  it('reads the title, the budget and each task prose estimate from its heading', () => {
    const markdown = runbookPage({
      gantt: ['dateFormat HH', 'Cloner : c1, 08, 09', 'Restaurer : r1, after c1, 5m'],
      body: [
        '## Cloner (c1)',
        '```sh',
        '# Estimation du temps : 2 heures (a shell comment, not prose)',
        '```',
        'Estimation du temps : ~ 5 minutes',
        '### Détails',
        '## Restaurer ( r1 )',
        '**Estimation du temps** : environ 1 heure',
      ],
      total: '~ 1 heure 30 minutes',
    });
    const plan = parseRunbook(markdown, 'essai.md');
    expect(plan.title).toBe('Essai');
    expect(plan.budgetSeconds).toBe(5400);
    expect(plan.tasks.map((t) => [t.id, t.proseEstimateSeconds])).toEqual([
      ['c1', 300],
      ['r1', 3600],
    ]);
    expect(plan.tasks[1]!.line).toBe(lineOf(markdown, 'Restaurer : r1'));
  });

  it('prefers the gantt title over the page heading', () => {
    const plan = parseRunbook(
      runbookPage({ gantt: ['title Reprise', 'A : a1, 2024-01-01, 1d'] }),
      'essai.md',
    );
    expect(plan.title).toBe('Reprise');
  });
});
