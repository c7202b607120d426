// A unified diff (diff -u) of two texts, line by line: the longest common subsequence, then hunks
// with three lines of context. Runbook pages are a few hundred lines: the quadratic table is fine.

type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

const CONTEXT = 3;

export function unifiedDiff(before: string, after: string, beforeName: string, afterName: string): string {
  const ops = diffLines(linesOf(before), linesOf(after));
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  if (changed.length === 0) return '';
  const hunks: [number, number][] = [];
  for (const index of changed) {
    const [start, end] = [Math.max(0, index - CONTEXT), Math.min(ops.length - 1, index + CONTEXT)];
    const last = hunks.at(-1);
    if (last !== undefined && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }
  const lines = [`--- ${beforeName}`, `+++ ${afterName}`];
  for (const [start, end] of hunks) {
    const slice = ops.slice(start, end + 1);
    const count = (kind: ' ' | '-' | '+') => slice.filter((op) => op.kind === ' ' || op.kind === kind).length;
    const [aCount, bCount] = [count('-'), count('+')];
    const aStart = aCount === 0 ? slice[0]!.a : slice[0]!.a + 1;
    const bStart = bCount === 0 ? slice[0]!.b : slice[0]!.b + 1;
    lines.push(
      `@@ -${aStart},${aCount} +${bStart},${bCount} @@`,
      ...slice.map((op) => `${op.kind}${op.text}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The text's lines; a final newline ends the last line rather than starting an empty one. */
function linesOf(text: string): string[] {
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
}

/** Each op carries the 0-based positions in both texts it sits at. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j])
      ops.push({ kind: ' ', text: a[i++]!, a: i - 1, b: j++ });
    // Removals before additions, as diff -u writes them.
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      ops.push({ kind: '-', text: a[i++]!, a: i - 1, b: j });
    else ops.push({ kind: '+', text: b[j++]!, a: i, b: j - 1 });
  }
  return ops;
}
