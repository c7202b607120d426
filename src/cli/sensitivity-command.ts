// `cdtn-drill sensitivity`: proves that every assertion of every drill can fail. One ephemeral
// environment; the plan once as a baseline, then each mutation declared next to the drills
// (drills/<id>.<slug>.mutations.ts) on the state its task starts from. Writes sensitivity.json and
// a section of index.html; exits 0 only when every assertion is proven sensitive (--slice: when
// every mutation tried broke its assertion).
import { join, resolve } from 'node:path';
import type { DrillRunContext } from '../drill/run-context.ts';
import { buildSensitivityReport, writeSensitivityReport } from '../report/sensitivity/index.ts';
import { DEFAULT_RUNBOOK_PATH, formatSeconds, loadPlan } from '../runbook/index.ts';
import { bindDrillFiles, DEFAULT_DRILLS_DIR, listDrillFiles } from '../run/index.ts';
import { loadMutations } from '../run/sensitivity/load-mutations.ts';
import { runSensitivity } from '../run/sensitivity/run-sensitivity.ts';
import { parseCommandOptions } from './command-options.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { exportRunVariables, newRunId } from './run-command.ts';

export const SENSITIVITY_USAGE = `cdtn-drill sensitivity [--slice] [--reports <dir>] [--drills <dir>]
  --slice            one mutation per drill (the first it declares) instead of the whole matrix
  --reports <dir>    where reports/<runId>/sensitivity.json and reports/latest/ go (default: reports)
  --drills <dir>     directory of the drill files and their .mutations.ts (default: drills)
  Ephemeral target only: the mutations break the environment on purpose.`;

export async function sensitivityCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseCommandOptions(argv, {
    slice: { type: 'boolean' },
    reports: { type: 'string', expected: 'a directory' },
    drills: { type: 'string', expected: 'a directory of drill files' },
  });
  const drillsDir = typeof options.drills === 'string' ? options.drills : DEFAULT_DRILLS_DIR;
  const plan = await loadPlan(DEFAULT_RUNBOOK_PATH);
  const files = bindDrillFiles(plan, drillsDir, await listDrillFiles(drillsDir));
  const mutations = await loadMutations(files);
  const runId = newRunId();
  const reportsDir = resolve(typeof options.reports === 'string' ? options.reports : 'reports');
  const runReportDir = join(reportsDir, runId);
  const context: DrillRunContext = {
    options: { target: 'ephemeral', runId, runbookPath: plan.path, reportsDir, runReportDir, dryRun: false },
    plan,
    selectedIds: plan.tasks.map((task) => task.id),
    runStatePath: join(runReportDir, 'run-state.json'),
    startEnvironment: true,
  };
  exportRunVariables(context);
  // tt3 runs its Job once per mutation run in the same Kubernetes API: the last one is replaced.
  process.env.DRILL_REPLACE_FINISHED_JOB = '1';
  const slice = options.slice === true;
  const log = (line: string) => process.stderr.write(`sensitivity: ${line}\n`);
  const run = await runSensitivity({ context, drillsDir, files, mutations, slice, log });
  const report = buildSensitivityReport(run, { runId, slice, finishedAt: new Date() });
  const path = await writeSensitivityReport(reportsDir, report);
  for (const defect of report.defects) process.stderr.write(`defect: ${defect}\n`);
  process.stdout.write(
    `${report.headline}; ${report.mutations.length} mutations in ${formatSeconds(report.seconds)}; ${path}\n`,
  );
  return report.defects.length === 0 ? EXIT.ok : EXIT.failed;
}
