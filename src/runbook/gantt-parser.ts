// The mermaid `gantt` subset a runbook uses:
//   dateFormat <fmt> | axisFormat <fmt> | title <text> | section <title>
//   <label> : [done|crit|active|milestone, …] <id>, (after <id> [<id>…] | <start>), (<duration> | <end>)
// Mermaid makes the id optional; here it is required, because drills bind to task ids.
// Durations: see gantt-duration.ts; dates: see gantt-date.ts. `%%` starts a comment.
import { createDateReader, type DateReader } from './gantt-date.ts';
import { looksLikeDuration, parseGanttDuration } from './gantt-duration.ts';
import type { FencedBlock, PageLine } from './markdown-page.ts';
import { RunbookError } from './runbook-error.ts';

export type GanttStart = { kind: 'after'; ids: string[] } | { kind: 'date'; seconds: number };
export type GanttEnd = { kind: 'duration'; seconds: number } | { kind: 'date'; seconds: number };

export interface GanttTask {
  id: string;
  label: string;
  section: string;
  done: boolean;
  crit: boolean;
  active: boolean;
  milestone: boolean;
  start: GanttStart;
  end: GanttEnd;
  line: number;
}

export interface GanttChart {
  title?: string;
  dateFormat: string;
  axisFormat?: string;
  sections: { title: string; line: number }[];
  tasks: GanttTask[];
}

const TAGS = ['done', 'crit', 'active', 'milestone'] as const;
type Tag = (typeof TAGS)[number];
const ID = /^[A-Za-z_][\w-]*$/;
// Statements mermaid accepts that only change the drawing. `excludes`/`includes` move calendar days
// around non-working days in the chart; a drill runs on elapsed time, so they are ignored too.
const IGNORED =
  /^(tickInterval|excludes|includes|todayMarker|weekday|weekend|inclusiveEndDates|topAxis|displayMode|accTitle|accDescr|click)\b/;
const MERMAID_DEFAULT_DATE_FORMAT = 'YYYY-MM-DD';

/** Whether a fenced block is a mermaid gantt chart. */
export function isGanttBlock(block: FencedBlock): boolean {
  if (block.info.split(/\s+/)[0] !== 'mermaid') return false;
  const first = block.body.map((l) => stripComment(l.text)).find((t) => t !== '');
  return first === 'gantt';
}

export function parseGantt(block: FencedBlock, path: string): GanttChart {
  const chart: GanttChart = { dateFormat: MERMAID_DEFAULT_DATE_FORMAT, sections: [], tasks: [] };
  let dates = createDateReader(chart.dateFormat)!;
  let section = '';
  const firstLineOf = new Map<string, number>();
  const statements = block.body.filter((l) => stripComment(l.text) !== '');
  for (const { line, text: raw } of statements.slice(1)) {
    const text = stripComment(raw);
    const keyword = /^(dateFormat|axisFormat|title|section)\s+(.+)$/.exec(text);
    if (keyword) {
      const [, name, value] = keyword as unknown as [string, string, string];
      if (name === 'dateFormat') {
        const reader = createDateReader(value);
        if (!reader)
          throw new RunbookError(
            path,
            line,
            `dateFormat "${value}" is not supported (tokens: YYYY YY MM M DD D HH H mm m ss s)`,
          );
        chart.dateFormat = value;
        dates = reader;
      } else if (name === 'axisFormat') chart.axisFormat = value;
      else if (name === 'title') chart.title = value;
      else {
        section = value;
        chart.sections.push({ title: value, line });
      }
      continue;
    }
    if (IGNORED.test(text)) continue;
    const task = parseTaskLine({ line, text }, section, dates, chart.dateFormat, path);
    const first = firstLineOf.get(task.id);
    if (first !== undefined)
      throw new RunbookError(path, line, `duplicate task id ${task.id} (first used at line ${first})`);
    firstLineOf.set(task.id, line);
    chart.tasks.push(task);
  }
  return chart;
}

function parseTaskLine(
  { line, text }: PageLine,
  section: string,
  dates: DateReader,
  dateFormat: string,
  path: string,
): GanttTask {
  const colon = text.indexOf(':');
  if (colon < 0)
    throw new RunbookError(
      path,
      line,
      `cannot read gantt line "${text}": expected "<label> : <id>, <start>, <duration>"`,
    );
  const label = text.slice(0, colon).trim();
  const fields = text
    .slice(colon + 1)
    .split(',')
    .map((f) => f.trim());
  const tags = new Set<Tag>();
  while (fields.length > 0 && (TAGS as readonly string[]).includes(fields[0]!))
    tags.add(fields.shift() as Tag);
  const where = `task "${label}"`;
  if (fields.length < 3) {
    throw new RunbookError(
      path,
      line,
      `${where} has no id: write "${label} : [tags,] <id>, after <id> | <start>, <duration> | <end>" (drills bind to task ids)`,
    );
  }
  if (fields.length > 3)
    throw new RunbookError(
      path,
      line,
      `${where} has ${fields.length} fields after its tags, expected 3 (id, start, duration or end)`,
    );
  const [id, startText, endText] = fields as [string, string, string];
  if (!ID.test(id))
    throw new RunbookError(
      path,
      line,
      `${where}: "${id}" is not a valid id (letters, digits, _ or -, starting with a letter)`,
    );
  return {
    id,
    label,
    section,
    done: tags.has('done'),
    crit: tags.has('crit'),
    active: tags.has('active'),
    milestone: tags.has('milestone'),
    start:
      readStart(startText, dates) ??
      fail(
        `task ${id}: cannot read start "${startText}": expected "after <id>" or a date in format ${dateFormat}`,
      ),
    end: readEnd(endText, dates) ?? fail(endError(id, endText, dateFormat)),
    line,
  };

  function fail(detail: string): never {
    throw new RunbookError(path, line, detail);
  }
}

function readStart(text: string, dates: DateReader): GanttStart | undefined {
  const after = /^after\s+(.+)$/.exec(text);
  if (after) return { kind: 'after', ids: after[1]!.split(/\s+/) };
  const seconds = dates.read(text);
  return seconds === undefined ? undefined : { kind: 'date', seconds };
}

// Mermaid reads the last field as a date first, then as a duration.
function readEnd(text: string, dates: DateReader): GanttEnd | undefined {
  const date = dates.read(text);
  if (date !== undefined) return { kind: 'date', seconds: date };
  const seconds = parseGanttDuration(text);
  return seconds === undefined ? undefined : { kind: 'duration', seconds };
}

function endError(id: string, text: string, dateFormat: string): string {
  const expected = `expected <number><ms|s|m|h|d|w> such as 5m or 1.5h, or an end date in format ${dateFormat}`;
  return looksLikeDuration(text)
    ? `task ${id}: unparseable duration "${text}": ${expected}`
    : `task ${id}: cannot read duration or end "${text}": ${expected}`;
}

function stripComment(text: string): string {
  const at = text.indexOf('%%');
  return (at < 0 ? text : text.slice(0, at)).trim();
}
