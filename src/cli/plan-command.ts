// `cdtn-drill plan`: prints the parsed plan (or JSON), its critical path and its lint.
import { DEFAULT_RUNBOOK_PATH, formatPlan, loadPlan } from '../runbook/index.ts';
import { parseCommandOptions } from './command-options.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

export const PLAN_USAGE = `cdtn-drill plan [--runbook <file>] [--json]
  --runbook <file>   runbook Markdown page (default: fixtures/runbook/plan-de-reprise.md)
  --json             print the plan as JSON`;

export async function planCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseCommandOptions(argv, {
    runbook: { type: 'string', expected: 'a runbook Markdown file' },
    json: { type: 'boolean' },
  });
  const plan = await loadPlan(typeof options.runbook === 'string' ? options.runbook : DEFAULT_RUNBOOK_PATH);
  process.stdout.write(
    options.json === true ? `${JSON.stringify(plan, null, 2)}\n` : `${formatPlan(plan)}\n`,
  );
  return EXIT.ok;
}
