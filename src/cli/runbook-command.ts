// `cdtn-drill runbook --propose`: a corrected runbook page beside the original, with durations from
// the latest report's forecast and the drift items rewritten, and the unified diff between them.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { forecastSecondsByTask } from '../forecast/index.ts';
import { LATEST_DIR, type DrillReport } from '../report/index.ts';
import { DEFAULT_RUNBOOK_PATH } from '../runbook/index.ts';
import { proposeRunbookFile } from '../runbook/propose/index.ts';
import { parseCommandOptions, UsageError } from './command-options.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

export const RUNBOOK_USAGE = `cdtn-drill runbook --propose [--runbook <file>] [--reports <dir>]
  --propose          write <runbook>.proposed.md beside the runbook (durations from the forecast of
                     <reports>/latest/report.json, drift items rewritten) and <runbook>.proposed.diff
  --runbook <file>   runbook Markdown page (default: fixtures/runbook/plan-de-reprise.md)
  --reports <dir>    where the latest run was reported (default: reports)`;

export async function runbookCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseCommandOptions(argv, {
    propose: { type: 'boolean' },
    runbook: { type: 'string', expected: 'a runbook Markdown file' },
    reports: { type: 'string', expected: 'a directory' },
  });
  if (options.propose !== true)
    throw new UsageError([{ option: '--propose', expected: 'the action to take', received: 'nothing' }]);
  const runbookPath = typeof options.runbook === 'string' ? resolve(options.runbook) : DEFAULT_RUNBOOK_PATH;
  const reportPath = join(
    resolve(typeof options.reports === 'string' ? options.reports : 'reports'),
    LATEST_DIR,
    'report.json',
  );
  const report = await readReport(reportPath);
  if (report === undefined) {
    process.stderr.write(
      `cdtn-drill runbook: no report at ${reportPath}: the proposal takes its durations from a run's forecast; run a drill first (npm run drill)\n`,
    );
    return EXIT.failed;
  }
  const proposal = await proposeRunbookFile(runbookPath, forecastSecondsByTask(report.forecast));
  const proposedPath = join(dirname(runbookPath), proposal.proposedName);
  const diffPath = join(dirname(runbookPath), proposal.diffName);
  await writeFile(proposedPath, proposal.text);
  await writeFile(diffPath, proposal.diff);
  process.stdout.write(
    [
      `proposed runbook written to ${proposedPath} (forecast of run ${report.runId}); diff: ${diffPath}`,
      ...proposal.changes.map((change) => `  ${change}`),
      ...proposal.notFound.map((item) => `  not applied: ${item}`),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

async function readReport(path: string): Promise<Pick<DrillReport, 'runId' | 'forecast'> | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as DrillReport;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read the report ${path}`, { cause: error });
  }
}
