// `cdtn-drill runbook --propose` on a copy of the team runbook, with a report whose forecast is known.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUNBOOK_PATH, loadPlan } from '../../src/runbook/index.ts';
import { runCli, temporaryReportsDir } from './run-cli.ts';

describe('cdtn-drill runbook --propose', () => {
  it('writes the proposal beside the runbook, with the forecast durations, and its diff', async () => {
    await using dir = await temporaryReportsDir();
    const runbook = join(dir.path, 'plan.md');
    await copyFile(DEFAULT_RUNBOOK_PATH, runbook);
    await mkdir(join(dir.path, 'reports', 'latest'), { recursive: true });
    const forecast = {
      model: 'm',
      pastErrors: [],
      tasks: [{ taskId: 'tt3', basis: 'volume', seconds: 610, note: '' }],
    };
    await writeFile(
      join(dir.path, 'reports', 'latest', 'report.json'),
      JSON.stringify({ runId: 'r1', forecast }),
    );

    const result = await runCli([
      'runbook',
      '--propose',
      '--runbook',
      runbook,
      '--reports',
      join(dir.path, 'reports'),
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `proposed runbook written to ${join(dir.path, 'plan.proposed.md')} (forecast of run r1)`,
    );
    expect(result.stdout).toContain('  tt3: 6 min → 11 min (the forecast, rounded up)');
    const proposed = await loadPlan(join(dir.path, 'plan.proposed.md'));
    expect(proposed.tasks.find((task) => task.id === 'tt3')?.estimateSeconds).toBe(660);
    const diff = await readFile(join(dir.path, 'plan.proposed.diff'), 'utf8');
    expect(diff).toMatch(/^--- a\/plan\.md\n\+\+\+ b\/plan\.proposed\.md\n@@ /);
    expect(diff).toContain(
      '-Ingestion des données externes : tt3, after tt2, 6m\n+Ingestion des données externes : tt3, after tt2, 11m\n',
    );
  });

  it('says which report it needs when there is none, and asks for --propose', async () => {
    await using dir = await temporaryReportsDir();
    const missing = await runCli(['runbook', '--propose', '--reports', dir.path]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`no report at ${join(dir.path, 'latest', 'report.json')}`);
    const bare = await runCli(['runbook']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--propose: expected the action to take, received nothing');
  });
});
