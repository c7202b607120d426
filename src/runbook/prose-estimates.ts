// What the page's prose says about time. Page convention: a task's heading ends with its gantt id
// in parentheses ("### Restauration du backup (tt2)"); the first "Estimation du temps : …" line
// under it (before the next heading of the same or a higher level) is the task's prose estimate.
// The total is the "Estimation total(e) du temps : …" line, wherever it is.
import { parseFrenchDuration } from './french-duration.ts';
import type { MarkdownPage } from './markdown-page.ts';
import { RunbookError } from './runbook-error.ts';

export interface ProseEstimate {
  /** Line of the task's heading. */
  headingLine: number;
  /** The estimate line under the heading, when there is one. */
  estimate?: { line: number; text: string; seconds: number | undefined };
}

const HEADING_ID = /\(\s*([A-Za-z_][\w-]*)\s*\)\s*$/;
const TASK_ESTIMATE = /^\W*estimation du temps\W*:\s*(.*)$/i;
const TOTAL_ESTIMATE = /^\W*estimation totale? du temps\W*:\s*(.*)$/i;

/** Prose estimates by task id, for the headings that name a gantt id. */
export function findProseEstimates(
  page: MarkdownPage,
  ids: Set<string>,
  path: string,
): Map<string, ProseEstimate> {
  const found = new Map<string, ProseEstimate>();
  page.headings.forEach((heading, index) => {
    const id = HEADING_ID.exec(heading.text)?.[1];
    if (id === undefined || !ids.has(id)) return;
    const previous = found.get(id);
    if (previous) {
      throw new RunbookError(
        path,
        heading.line,
        `task ${id} has a second heading (first at line ${previous.headingLine})`,
      );
    }
    const next = page.headings.slice(index + 1).find((h) => h.level <= heading.level);
    const body = page.prose.filter(
      (l) => l.line > heading.line && (next === undefined || l.line < next.line),
    );
    const estimate = body.map((l) => ({ l, m: TASK_ESTIMATE.exec(l.text) })).find(({ m }) => m !== null);
    found.set(id, {
      headingLine: heading.line,
      ...(estimate && {
        estimate: {
          line: estimate.l.line,
          text: estimate.m![1]!,
          seconds: parseFrenchDuration(estimate.m![1]!),
        },
      }),
    });
  });
  return found;
}

/** The stated total ("Estimation total du temps : ~ 3 heures 30 minutes"), in seconds. */
export function findStatedTotal(page: MarkdownPage, path: string): { seconds: number; line: number } {
  const lines = page.prose.filter((l) => TOTAL_ESTIMATE.test(l.text));
  const [first, second] = lines;
  if (!first)
    throw new RunbookError(
      path,
      undefined,
      'no "Estimation total du temps : …" line: the budget of the plan',
    );
  if (second)
    throw new RunbookError(path, second.line, `a second total estimate line (first at line ${first.line})`);
  const text = TOTAL_ESTIMATE.exec(first.text)![1]!;
  const seconds = parseFrenchDuration(text);
  if (seconds === undefined) {
    throw new RunbookError(
      path,
      first.line,
      `cannot read the total estimate "${text}": expected e.g. "~ 3 heures 30 minutes"`,
    );
  }
  return { seconds, line: first.line };
}
