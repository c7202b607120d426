// docs/drill-prod.md's variables table stays complete: every DRILL_* variable the code reads (an
// `env.DRILL_X` read, a `DRILL_X:` key of a schema or of the confirmations, a quoted 'DRILL_X') has
// its row there.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const READ = /\benv\.(DRILL_\w+)|\b(DRILL_\w+)\s*:|['"`](DRILL_\w+)['"`]/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { recursive: true });
  return entries
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

describe('docs/drill-prod.md', () => {
  it('has a row for every DRILL_* variable read in src/ and drills/', async () => {
    const files = [...(await sourceFiles('src')), ...(await sourceFiles('drills'))];
    const readBy = new Map<string, string>();
    for (const file of files) {
      for (const match of (await readFile(join(ROOT, file), 'utf8')).matchAll(READ)) {
        const name = match[1] ?? match[2] ?? match[3] ?? '';
        if (!readBy.has(name)) readBy.set(name, file);
      }
    }
    expect(readBy.size).toBeGreaterThan(40);
    const table = (await readFile(join(ROOT, 'docs/drill-prod.md'), 'utf8'))
      .split('\n')
      .filter((line) => line.startsWith('| `') || line.startsWith('`DRILL_TARGET`'))
      .join('\n');
    const missing = [...readBy].filter(([name]) => !table.includes(`\`${name}\``));
    expect(missing.map(([name, file]) => `${name} (read in ${file})`)).toEqual([]);
  });
});
