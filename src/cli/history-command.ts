// `cdtn-drill history`: the recent runs recorded in reports/history.jsonl, newest first.
import { resolve } from 'node:path';
import { formatHistory, readHistory } from '../report/history/index.ts';
import { parseCommandOptions, UsageError } from './command-options.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

export const HISTORY_USAGE = `cdtn-drill history [--reports <dir>] [--limit <n>] [--json]
  --reports <dir>    where the runs were reported (default: reports)
  --limit <n>        how many recent runs to print (default: 10)
  --json             print the runs as JSON lines, as recorded`;

const DEFAULT_LIMIT = 10;

export async function historyCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseCommandOptions(argv, {
    reports: { type: 'string', expected: 'a directory' },
    limit: { type: 'string', expected: 'a positive whole number' },
    json: { type: 'boolean' },
  });
  const limit = options.limit === undefined ? DEFAULT_LIMIT : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError([
      { option: '--limit', expected: 'a positive whole number', received: JSON.stringify(options.limit) },
    ]);
  const reportsDir = resolve(typeof options.reports === 'string' ? options.reports : 'reports');
  const recent = (await readHistory(reportsDir)).slice(-limit).reverse();
  process.stdout.write(
    options.json === true
      ? recent.map((entry) => `${JSON.stringify(entry)}\n`).join('')
      : formatHistory(recent),
  );
  return EXIT.ok;
}
