// Applies the drift rewrites to a page's lines, outside code blocks and lines already replaced.
import { DRIFT_REWRITES } from './drift-rewrites.ts';

/**
 * `replaced` maps a 0-based line index to its new lines; the rewrites add to it. A list item's
 * indented continuation lines go with it (replaced by nothing, its first line by the new lines).
 */
export function applyDriftRewrites(
  lines: readonly string[],
  replaced: Map<number, string[]>,
): { changes: string[]; notFound: string[] } {
  const changes: string[] = [];
  const applied = new Set<number>();
  const page = lines.join('\n');
  const rewrites = DRIFT_REWRITES.filter((rewrite) => rewrite.unlessPage?.test(page) !== true);
  let inCode = false;
  lines.forEach((line, index) => {
    if (/^ {0,3}(```|~~~)/.test(line)) inCode = !inCode;
    if (inCode || replaced.has(index)) return;
    const rule = rewrites.findIndex((rewrite) => rewrite.find.test(line));
    if (rule < 0) return;
    const item = [line];
    if (line.startsWith('- '))
      for (let next = index + 1; next < lines.length && /^ {2,}\S/.test(lines[next]!); next++)
        item.push(lines[next]!);
    replaced.set(index, rewrites[rule]!.replace(item));
    for (let next = index + 1; next < index + item.length; next++) replaced.set(next, []);
    applied.add(rule);
    changes.push(`drift (line ${index + 1}): ${rewrites[rule]!.item}`);
  });
  const notFound = rewrites
    .filter((_, rule) => !applied.has(rule))
    .map((rewrite) => `${rewrite.item}: no line matches ${rewrite.find}`);
  return { changes, notFound };
}
