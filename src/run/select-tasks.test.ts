import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../runbook/index.ts';
import { runbookPage } from '../../test/runbook/runbook-page.ts';
import { selectTasks, unknownTaskIds } from './select-tasks.ts';

// Page order differs from dependency order: c1 comes first on the page but runs last.
const plan = parseRunbook(
  runbookPage({ gantt: ['dateFormat HH', 'C : c1, after b1, 5m', 'A : a1, 08, 09', 'B : b1, after a1, 5m'] }),
  'essai.md',
);

describe('selectTasks', () => {
  it('keeps every task in plan order by default', () => {
    expect(selectTasks(plan, {})).toEqual(plan.tasks.map((task) => task.id));
  });

  it('--from keeps the task and those after it in plan order', () => {
    const order = plan.tasks.map((task) => task.id);
    expect(selectTasks(plan, { from: 'b1' })).toEqual(order.slice(order.indexOf('b1')));
  });

  it('--only keeps the listed tasks in plan order, whatever the order given', () => {
    const order = plan.tasks.map((task) => task.id).filter((id) => id !== 'b1');
    expect(selectTasks(plan, { only: [...order].reverse() })).toEqual(order);
  });

  it('names the ids the plan does not have', () => {
    expect(unknownTaskIds(plan, { only: ['a1', 'x1'], from: 'y2' })).toEqual(['x1', 'y2']);
  });
});
