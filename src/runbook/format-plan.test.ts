import { describe, expect, it } from 'vitest';
import { runbookPage } from '../../test/runbook/runbook-page.ts';
import { formatPlan } from './format-plan.ts';
import { formatSeconds } from './format-seconds.ts';
import { parseRunbook } from './parse-runbook.ts';

describe('formatPlan', () => {
  const plan = parseRunbook(
    runbookPage({
      gantt: [
        'dateFormat HH:mm',
        'section Préparation',
        'Cloner : done, c1, 08:00, 1h',
        'section Reprise',
        'Restaurer : crit, r1, after c1, 10m',
        'À part : x1, 08:00, 5m',
      ],
      body: ['## Cloner (c1)', 'Estimation du temps : ~ 5 minutes'],
      total: '~ 1 heure 10 minutes',
    }),
    'essai.md',
  );
  const text = formatPlan(plan);
  const lines = text.split('\n');

  it('lists sections with their tasks: estimate, prose estimate, planned times, dependencies, tags', () => {
    expect(lines[0]).toBe('Essai — essai.md');
    expect(lines.indexOf('Préparation')).toBeLessThan(lines.indexOf('Reprise'));
    expect(lines.find((l) => l.includes('c1'))).toMatch(
      /^ {2}\* c1 +Cloner +1 h \(text: 5 min\) +00:00–01:00 +done$/,
    );
    expect(lines.find((l) => l.includes('r1'))).toMatch(
      /^ {2}\* r1 +Restaurer +10 min +01:00–01:10 +after c1 +crit$/,
    );
    expect(lines.find((l) => l.includes('x1'))).toMatch(/^ {4}x1 +À part +5 min +00:00–00:05$/);
  });

  it('states run order, critical path, budget and every lint finding', () => {
    expect(text).toContain('Run order: c1, r1, x1');
    expect(text).toContain(`Critical path (*): c1 → r1 = ${formatSeconds(plan.criticalPathSeconds)}`);
    expect(text).toContain(`Budget: 1 h 10 min (${plan.budgetSeconds} s)`);
    expect(plan.lint.length).toBeGreaterThan(0);
    for (const finding of plan.lint)
      expect(text).toContain(`${finding.severity} ${finding.rule}: ${finding.message}`);
  });
});

describe('formatSeconds', () => {
  it.each([
    [12_600, '3 h 30 min'],
    [3600, '1 h'],
    [300, '5 min'],
    [45, '45 s'],
    [0, '0 s'],
    [-1140, '-19 min'],
    [3690, '1 h 1 min 30 s'],
  ])('formats %d as %j', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});
