// `npm run bench [-- --only env,restore,ingest,export,drill] [--out <file>] [--runs <n>]`, checked
// in one pass with the CLI's option parser (every problem reported at once).
import { resolve } from 'node:path';
import { parseCommandOptions, splitIds, UsageError, type OptionProblem } from '../src/cli/index.ts';
import { BENCH_PARTS, type BenchPart } from './bench-results.ts';

export const BENCH_USAGE = `npm run bench -- [--only <parts>] [--out <file>] [--runs <n>]
  --only <parts>  comma separated, among ${BENCH_PARTS.join(', ')} (default: all, in that order)
  --out <file>    where the results go (default: bench/results.json)
  --runs <n>      repetitions of the compared pairs (restore against plain pg_restore, export against a raw bulk load), medians kept (default: 3)`;

export const DEFAULT_RESULTS_PATH = resolve(import.meta.dirname, 'results.json');
export const DEFAULT_RUNS = 3;

export interface BenchOptions {
  /** In bench order, whatever order --only gave. */
  parts: BenchPart[];
  out: string;
  runs: number;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const values = parseCommandOptions(argv, {
    only: { type: 'string', expected: `parts among ${BENCH_PARTS.join(', ')}` },
    out: { type: 'string', expected: 'a file path' },
    runs: { type: 'string', expected: 'a positive integer' },
  });
  const problems: OptionProblem[] = [];
  const only = splitIds(values.only);
  const unknown = (only ?? []).filter((part) => !(BENCH_PARTS as readonly string[]).includes(part));
  if (unknown.length > 0 || only?.length === 0)
    problems.push({
      option: '--only',
      expected: `parts among ${BENCH_PARTS.join(', ')}`,
      received: JSON.stringify(values.only),
    });
  const runs = values.runs === undefined ? DEFAULT_RUNS : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    problems.push({
      option: '--runs',
      expected: 'a positive integer',
      received: JSON.stringify(values.runs),
    });
  if (problems.length > 0) throw new UsageError(problems);
  return {
    parts: BENCH_PARTS.filter((part) => only === undefined || only.includes(part)),
    out: typeof values.out === 'string' ? resolve(values.out) : DEFAULT_RESULTS_PATH,
    runs,
  };
}
