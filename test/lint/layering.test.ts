// The layering check of `npm run lint` (dependency-cruiser with .dependency-cruiser.mjs, the rules of
// docs/architecture.md) fails on an import cycle between folders and on a layer violation, run on
// the fixture tree test/fixtures/layering/src, as the lint runs it on the project's src/.
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'layering');

function cruise(...paths: string[]) {
  return execa(
    join(ROOT, 'node_modules', '.bin', 'depcruise'),
    ['--config', join(ROOT, '.dependency-cruiser.mjs'), ...paths],
    { cwd: FIXTURE, reject: false },
  );
}

describe('the layering check of npm run lint', () => {
  it('fails on a cycle between src/checks and src/ingest', async () => {
    const result = await cruise('src/checks', 'src/ingest');

    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).toMatch(
      /error no-cycle-between-folders: src\/checks →\s+src\/ingest →\s+src\/checks/,
    );
  });

  it('fails when src/report imports src/pg', async () => {
    const result = await cruise('src/report', 'src/pg');

    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).toContain(
      'error runbook-and-report-know-no-data: src/report/render.ts → src/pg/restore.ts',
    );
  });

  it('fails when src/spec imports src/export', async () => {
    const result = await cruise('src/spec', 'src/export');

    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).toContain(
      'error spec-is-independent-of-the-exporter: src/spec/expected.ts → src/export/selection.ts',
    );
  });

  it('passes on folders that import one way', async () => {
    const result = await cruise('src/pg', 'src/checks/retry.ts');

    expect(result.stdout).toContain('no dependency violations found');
    expect(result.exitCode).toBe(0);
  });
});
