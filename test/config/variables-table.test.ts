// docs/drill-prod.md's `DRILL_*` table and the declarations of src/config say the same thing: every
// declared variable has its row (kind, default, config field, meaning), every row is declared; every
// DRILL_* variable the code reads is declared; the defaults the scripts write are the declared ones;
// `cdtn-drill run --help` names declared variables only.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRILL_VARIABLES, documentedDefault, type DrillVariableName } from '../../src/config/index.ts';
import { RUN_USAGE } from '../../src/cli/run-command.ts';

const ROOT = join(import.meta.dirname, '../..');
const READ = /\benv\.(DRILL_\w+)|\b(DRILL_\w+)\s*:|['"`](DRILL_\w+)['"`]/g;
const HEADER = '| variable | kind | default | config field | meaning |';
const declared = Object.keys(DRILL_VARIABLES) as DrillVariableName[];

async function filesUnder(dir: string, suffix: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { recursive: true });
  return entries
    .filter((file) => file.endsWith(suffix) && !file.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

/** The rows of the table under HEADER, cells trimmed (prettier pads them). */
async function tableRows(): Promise<Map<string, string[]>> {
  const lines = (await readFile(join(ROOT, 'docs/drill-prod.md'), 'utf8')).split('\n');
  const cells = (line: string) => line.split(' | ').map((cell) => cell.replace(/^\|? *| *\|?$/g, ''));
  const start = lines.findIndex((line) => cells(line).join(' | ') === HEADER.slice(2, -2));
  expect(start, `docs/drill-prod.md has no table headed ${HEADER}`).toBeGreaterThan(0);
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [variable = '', ...rest] = cells(line);
    rows.set(variable.replaceAll('`', ''), rest);
  }
  return rows;
}

/** What the declarations say a row holds: kind, default, config field, meaning. */
function expectedRow(name: DrillVariableName): string[] {
  const declaration: { kind: string; description: string; configPath?: string } = DRILL_VARIABLES[name];
  const value = documentedDefault(name);
  return [
    declaration.kind,
    value === undefined ? 'none' : `\`${value}\``,
    declaration.configPath === undefined ? '' : `\`${declaration.configPath}\``,
    declaration.description,
  ];
}

describe("docs/drill-prod.md's DRILL_* table", () => {
  it('has a row for every declared variable, saying what its declaration says', async () => {
    const rows = await tableRows();
    const differing = declared.filter(
      (name) => JSON.stringify(rows.get(name)) !== JSON.stringify(expectedRow(name)),
    );
    expect(
      differing.map(
        (name) =>
          `${name}: doc ${JSON.stringify(rows.get(name))}, declared ${JSON.stringify(expectedRow(name))}`,
      ),
    ).toEqual([]);
  });

  it('has no row for a variable src/config does not declare', async () => {
    expect(
      [...(await tableRows()).keys()].filter((name) => !declared.includes(name as DrillVariableName)),
    ).toEqual([]);
  });
});

describe('the declarations of src/config', () => {
  it('cover every DRILL_* variable read in src/ and drills/', async () => {
    const files = [...(await filesUnder('src', '.ts')), ...(await filesUnder('drills', '.ts'))];
    const readBy = new Map<string, string>();
    for (const file of files) {
      for (const match of (await readFile(join(ROOT, file), 'utf8')).matchAll(READ)) {
        const name = match[1] ?? match[2] ?? match[3] ?? '';
        if (!readBy.has(name)) readBy.set(name, file);
      }
    }
    expect(readBy.size).toBeGreaterThan(40);
    const undeclared = [...readBy].filter(([name]) => !declared.includes(name as DrillVariableName));
    expect(undeclared.map(([name, file]) => `${name} (read in ${file})`)).toEqual([]);
  });

  it('agree with the scripts: every DRILL_* name they use is declared, every literal default is the declared one', async () => {
    const problems: string[] = [];
    for (const file of await filesUnder('scripts', '.sh')) {
      const text = await readFile(join(ROOT, file), 'utf8');
      for (const [, name = ''] of text.matchAll(/\b(DRILL_[A-Z0-9_]+)\b/g))
        if (!declared.includes(name as DrillVariableName)) problems.push(`${file}: ${name} is not declared`);
      // ${DRILL_X:-fallback} with a literal fallback ($HOME aside): a computed one is the script's own choice.
      for (const [, name = '', fallback = ''] of text.matchAll(/\$\{(DRILL_\w+):-((?:[^}$]|\$HOME)*)\}/g)) {
        const written = fallback === '' ? undefined : fallback.replace(/^\$HOME\//, '~/');
        const value = documentedDefault(name as DrillVariableName);
        if (written !== value)
          problems.push(`${file}: ${name} defaults to ${written ?? 'nothing'}, declared ${value ?? 'none'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cover the variables `cdtn-drill run --help` names', () => {
    const named = [...RUN_USAGE.matchAll(/\b(DRILL_[A-Z0-9_]+)\b/g)].map(([, name]) => name);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !declared.includes(name as DrillVariableName))).toEqual([]);
  });
});
