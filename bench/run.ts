// `npm run bench`: measures the drill's parts on this machine, writes bench/results.json (or
// --out) and prints the table. It reports; it does not assert: a missed target is in the record,
// the exit status only says whether every part could be measured (1 if not, 130 on Ctrl-C).
// On a machine without Docker: scripts/with-env.sh npm run bench
import { UsageError } from '../src/cli/index.ts';
import { BENCH_USAGE, parseBenchOptions, type BenchOptions } from './bench-options.ts';
import { formatBenchTable } from './format-bench-table.ts';
import { runBench } from './run-bench.ts';
import { writeBenchResults } from './write-bench-results.ts';

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\nusage: ${BENCH_USAGE}`);
  process.exit(2);
}

const controller = new AbortController();
process.once('SIGINT', () => controller.abort(new Error('bench interrupted (SIGINT)')));
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

const results = await runBench(options, controller.signal, log);
await writeBenchResults(results, options.out);
console.log(formatBenchTable(results));
process.exitCode = controller.signal.aborted ? 130 : results.parts.some((p) => p.status === 'failed') ? 1 : 0;
