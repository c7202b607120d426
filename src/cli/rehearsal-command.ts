// `cdtn-drill rehearsal` (npm run drill:rehearsal): drill:prod tried on a production built here
// (src/rehearsal/run-rehearsal.ts), confirmed then read-only; exit 0 when both pass every task.
import { runRehearsal } from '../rehearsal/index.ts';
import { parseCommandOptions } from './command-options.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';

export const REHEARSAL_USAGE = `cdtn-drill rehearsal [--reports <dir>]
  Starts a real Kubernetes control plane and node, PostgreSQL, the engine and production's
  workloads on this machine, then runs \`npm run drill:prod\` on it twice: with --confirm <its
  context> --allow-job --allow-export-prod, then read-only. Needs root, Go, Podman and the local
  images (run it through scripts/with-env.sh).
  --reports <dir>    where the two runs' reports/<runId>/ go (default: reports)`;

export async function rehearsalCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseCommandOptions(argv, { reports: { type: 'string', expected: 'a directory' } });
  const abort = new AbortController();
  const interrupt = () => abort.abort(new Error('rehearsal interrupted'));
  process.once('SIGINT', interrupt).once('SIGTERM', interrupt);
  const log = (line: string) => console.error(`rehearsal: ${line}`);
  try {
    const result = await runRehearsal({
      reportsDir: typeof options.reports === 'string' ? options.reports : 'reports',
      log,
      signal: abort.signal,
    });
    for (const run of result.runs) {
      const passed = run.report?.tasks.filter((task) => task.status === 'passed').length ?? 0;
      log(
        `${run.name} run ${run.report?.runId ?? '(no report)'}: ${passed}/${run.report?.tasks.length ?? 0} passed`,
      );
      for (const problem of run.problems) log(`  ${problem}`);
    }
    log(
      `Kubernetes ${result.kubernetesVersion}; environment ${result.seconds.environment.toFixed(1)} s, rehearsal ${result.seconds.total.toFixed(1)} s`,
    );
    return result.runs.every((run) => run.problems.length === 0) ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (abort.signal.aborted) return EXIT.interrupted;
    throw error;
  } finally {
    process.off('SIGINT', interrupt).off('SIGTERM', interrupt);
  }
}
