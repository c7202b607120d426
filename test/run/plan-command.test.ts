import { describe, expect, it } from 'vitest';
import { formatPlan, loadPlan } from '../../src/runbook/index.ts';
import { fixture, runCli } from './run-cli.ts';

describe('cdtn-drill plan', () => {
  it('prints the parsed plan with its critical path and lint', async () => {
    const result = await runCli(['plan', '--runbook', fixture('runbooks/chain-wrong-total.md')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${formatPlan(await loadPlan(fixture('runbooks/chain-wrong-total.md')))}\n`);
  });

  it('prints the plan as JSON with --json', async () => {
    const result = await runCli(['plan', '--runbook', fixture('runbooks/chain.md'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(await loadPlan(fixture('runbooks/chain.md')));
  });

  it('exits 1 naming the file when the runbook cannot be read, 2 on an unknown command', async () => {
    const missing = await runCli(['plan', '--runbook', fixture('runbooks/none.md')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('runbooks/none.md: cannot read the runbook');
    const unknown = await runCli(['plans']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "plans", expected one of plan, run');
  });
});
