// The runbook page → Plan. Page conventions (see fixtures/runbook/plan-de-reprise.md):
//  - the first ```mermaid block that starts with `gantt` holds the tasks (gantt-parser.ts);
//    every task line has an id, since drills bind to ids;
//  - a task's heading ends with its id in parentheses, "### Restauration du backup (tt2)", and its
//    "Estimation du temps : ~ 5 minutes" line sits under that heading (prose-estimates.ts);
//  - "Estimation total du temps : ~ 3 heures 30 minutes" anywhere on the page is the budget.
// Title: the gantt `title`, else the page's first level-1 heading, else the file name.
import { basename } from 'node:path';
import { isGanttBlock, parseGantt } from './gantt-parser.ts';
import { lintPlan } from './lint.ts';
import { readMarkdownPage } from './markdown-page.ts';
import type { Plan } from './plan.ts';
import { buildPlan } from './plan-builder.ts';
import { findProseEstimates, findStatedTotal } from './prose-estimates.ts';
import { RunbookError } from './runbook-error.ts';

/** Parse a runbook page; `path` names it in errors and in the plan. Throws RunbookError. */
export function parseRunbook(markdown: string, path: string): Plan {
  const page = readMarkdownPage(markdown);
  const block = page.blocks.find(isGanttBlock);
  if (!block)
    throw new RunbookError(
      path,
      undefined,
      'no mermaid gantt block (a ```mermaid fence whose first line is "gantt")',
    );
  const chart = parseGantt(block, path);
  if (chart.tasks.length === 0) throw new RunbookError(path, block.line, 'the gantt block has no tasks');
  const prose = findProseEstimates(page, new Set(chart.tasks.map((t) => t.id)), path);
  const total = findStatedTotal(page, path);
  const title = chart.title ?? page.headings.find((h) => h.level === 1)?.text ?? basename(path);
  const plan = buildPlan({ path, title, chart, prose, budgetSeconds: total.seconds });
  return { ...plan, lint: lintPlan(plan, prose, total.line) };
}
