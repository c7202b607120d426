// The nightly workflow, checked with actionlint (a Go tool, installed into .cache/go-tools by
// `GOBIN="$PWD/.cache/go-tools/bin" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12`).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../run/run-cli.ts';

const WORKFLOW = join(ROOT, '.github/workflows/drill-nightly.yml');
const ACTIONLINT = process.env.ACTIONLINT ?? join(ROOT, '.cache/go-tools/bin/actionlint');

interface Finding {
  message: string;
  line: number;
}

async function actionlint(path: string): Promise<Finding[]> {
  if (!existsSync(ACTIONLINT))
    throw new Error(
      `actionlint is not at ${ACTIONLINT}: install it with GOBIN="$PWD/.cache/go-tools/bin" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 (or set ACTIONLINT)`,
    );
  // Exit 1 means findings: they are in stdout as JSON either way.
  const { stdout } = await promisify(execFile)(ACTIONLINT, [
    '-no-color',
    '-format',
    '{{json .}}',
    path,
  ]).catch((error: { stdout?: string; code?: number }) => {
    if (error.code === 1 && error.stdout !== undefined) return { stdout: error.stdout };
    throw error;
  });
  return JSON.parse(stdout || '[]') as Finding[];
}

describe('.github/workflows/drill-nightly.yml', () => {
  it('passes actionlint', async () => {
    expect(await actionlint(WORKFLOW)).toEqual([]);
  });

  it('is checked for real: actionlint finds a broken copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-workflow-'));
    try {
      const broken = join(dir, 'broken.yml');
      await writeFile(broken, (await readFile(WORKFLOW, 'utf8')).replace('runs-on:', 'runs_on:'));
      expect((await actionlint(broken)).map((finding) => finding.message).join('\n')).toMatch(/runs-on/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs the README drill command nightly and on demand, and keeps reports/ as an artifact', async () => {
    const text = await readFile(WORKFLOW, 'utf8');
    expect(text).toMatch(/^ {2}schedule:\n {4}- cron: '[^']+'$/m);
    expect(text).toMatch(/^ {2}workflow_dispatch:$/m);
    expect(text).toMatch(/^ {8}run: scripts\/with-env\.sh npm run drill\b/m);
    expect(text).toMatch(/uses: actions\/upload-artifact@v\d+\n(?: {8}.*\n)*? {10}path: reports\/$/m);
    expect(text).toMatch(/- name: Keep the reports\n {8}if: always\(\)/);
  });

  it('carries reports/history.jsonl from one run to the next: restored by prefix before the drill, saved after it whatever the verdict', async () => {
    const text = await readFile(WORKFLOW, 'utf8');
    const step = (name: string) => text.indexOf(`- name: ${name}`);
    const [restore, drill, save] = [
      step('Restore the run history'),
      step('Ephemeral drill'),
      step('Save the run history'),
    ];
    expect(restore).toBeGreaterThan(-1);
    expect(restore).toBeLessThan(drill);
    expect(save).toBeGreaterThan(drill);
    expect(text.slice(restore, drill)).toMatch(
      /uses: actions\/cache\/restore@v\d+\n {8}with:\n {10}path: reports\/history\.jsonl\n {10}key: (drill-history-).+\n {10}restore-keys: \1\n/,
    );
    expect(text.slice(save)).toMatch(/^- name: Save the run history\n {8}if: always\(\)/);
    expect(text.slice(save)).toMatch(
      /uses: actions\/cache\/save@v\d+\n {8}with:\n {10}path: reports\/history\.jsonl\n/,
    );
  });
});
