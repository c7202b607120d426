// Small runbook pages for the parser's tests, and the line a snippet is on (so tests state which
// line an error must name without counting by hand).

export interface PageParts {
  /** Gantt statements after `gantt`; defaults to dateFormat HH. */
  gantt: string[];
  /** Markdown after the gantt block (task headings, estimates). */
  body?: string[];
  /** The total line's value; null leaves the line out. */
  total?: string | null;
}

export function runbookPage({ gantt, body = [], total = '~ 1 heure' }: PageParts): string {
  return [
    '# Essai',
    '',
    '```mermaid',
    'gantt',
    ...gantt,
    '```',
    '',
    ...body,
    '',
    ...(total === null ? [] : [`Estimation total du temps : ${total}`]),
    '',
  ].join('\n');
}

/** 1-based line of the only line containing `snippet`. */
export function lineOf(markdown: string, snippet: string): number {
  const lines = markdown.split('\n');
  const hits = lines.flatMap((text, index) => (text.includes(snippet) ? [index + 1] : []));
  if (hits.length !== 1) throw new Error(`"${snippet}" is on ${hits.length} lines of the page, expected 1`);
  return hits[0]!;
}
