// `cdtn-drill run`: checks the plan, its lint and its drill coverage, then runs the selected drills
// in plan order and maps the report's verdict to the exit status.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DrillRunContext } from '../drill/run-context.ts';
import { resolveProductionVolumes } from './production-volumes-option.ts';
import type { DrillTarget } from '../env/drill-env.ts';
import { DrillReporter } from '../report/index.ts';
import { ConsoleLogRecorder, consoleRedaction } from '../report/evidence/index.ts';
import { ProgressReporter } from '../report/progress/index.ts';
import { DEFAULT_RUNBOOK_PATH, formatSeconds, loadPlan, type Plan } from '../runbook/index.ts';
import {
  bindDrillFiles,
  DEFAULT_DRILLS_DIR,
  listDrillFiles,
  runDrills,
  selectTasks,
  unknownTaskIds,
} from '../run/index.ts';
import {
  CLUSTER_OPTIONS,
  CLUSTER_USAGE,
  clusterOptionProblems,
  prepareClusterGuard,
} from './cluster-guard.ts';
import {
  parseCommandOptions,
  splitIds,
  UsageError,
  type OptionProblem,
  type ParsedOptions,
} from './command-options.ts';
import { EXIT, type ExitCode } from './exit-codes.ts';
import { DRILL_TARGETS, readDrillVariables } from '../config/index.ts';

export const RUN_USAGE = `cdtn-drill run [--target ephemeral|cluster] [--runbook <file>] [--drills <dir>] [--only <ids>]
               [--from <id>] [--dry-run] [--enforce-budget] [--strict] [--reports <dir>] [--no-env]
               [--backup <dump>] [--manifest <manifest.json>]
               [--confirm <context> [--allow-restore] [--allow-export-prod] [--allow-job [--replace-finished-job]]]
  --target <t>       ephemeral (default: Testcontainers + msw) or cluster (a real cluster)
  --runbook <file>   runbook Markdown page (default: fixtures/runbook/plan-de-reprise.md)
  --drills <dir>     directory of the drill files <id>.<slug>.drill.ts (default: ${DEFAULT_DRILLS_DIR})
  --only <ids>       run only these tasks (comma separated); coverage is still checked on the whole plan
  --from <id>        run this task and every task after it in plan order
  --dry-run          parse, lint, check coverage and list what would run; touches nothing
  --enforce-budget   exit 3 when the run takes longer than the runbook's budget
  --strict           runbook lint findings fail the run
  --reports <dir>    where reports/<runId>/ and reports/latest/ go (default: reports)
  --no-env           start no environment (fixture runbooks whose drills need none)
  --backup <dump>    the pg_dump -Fc archive tt2 restores (default, ephemeral: the generated fixture)
  --manifest <file>  its manifest (default: <dump without .dump>.manifest.json); its volumes are
                     the production volumes the report's forecast scales to
${CLUSTER_USAGE}`;

/** In the run's folder: its *.log files go into the evidence bundle. */
const CLUSTER_PLAN_LOG = 'cluster-plan.log';

export async function runCommand(argv: readonly string[]): Promise<ExitCode> {
  const options = parseCommandOptions(argv, {
    target: { type: 'string', choices: DRILL_TARGETS },
    runbook: { type: 'string', expected: 'a runbook Markdown file' },
    drills: { type: 'string', expected: 'a directory of drill files' },
    only: { type: 'string', expected: 'task ids, comma separated' },
    from: { type: 'string', expected: 'a task id' },
    reports: { type: 'string', expected: 'a directory' },
    'dry-run': { type: 'boolean' },
    'enforce-budget': { type: 'boolean' },
    strict: { type: 'boolean' },
    env: { type: 'boolean', negatable: true },
    backup: { type: 'string', expected: 'a pg_dump custom-format file' },
    manifest: { type: 'string', expected: 'a backup manifest (JSON)' },
    ...CLUSTER_OPTIONS,
  });
  const target = (options.target ?? 'ephemeral') as DrillTarget;
  const clusterProblems = clusterOptionProblems(options, target);
  if (clusterProblems.length > 0) throw new UsageError(clusterProblems);
  const drillsDir = typeof options.drills === 'string' ? options.drills : DEFAULT_DRILLS_DIR;
  const selection = {
    only: splitIds(options.only),
    from: typeof options.from === 'string' ? options.from : undefined,
  };
  const dryRun = options['dry-run'] === true;

  const plan = await loadPlan(
    typeof options.runbook === 'string' ? resolve(options.runbook) : DEFAULT_RUNBOOK_PATH,
  );
  const unknown = unknownTaskIds(plan, selection);
  if (unknown.length > 0) {
    const ids = plan.tasks.map((task) => task.id).join(', ');
    throw new UsageError(
      unknown.map((id): OptionProblem => ({
        option: selection.only?.includes(id) ? '--only' : '--from',
        expected: `a task of the runbook (${ids})`,
        received: JSON.stringify(id),
      })),
    );
  }
  for (const finding of plan.lint)
    process.stderr.write(`lint ${finding.severity} ${finding.rule}: ${finding.message}\n`);
  const lintFails = options.strict === true && plan.lint.length > 0;
  // Coverage is always checked on the whole plan, whatever the selection.
  const files = bindDrillFiles(plan, drillsDir, await listDrillFiles(drillsDir));
  if (lintFails) {
    process.stderr.write(`--strict: ${plan.lint.length} runbook lint finding(s) fail the run\n`);
    return EXIT.failed;
  }
  const selectedIds = selectTasks(plan, selection);
  // Before the guard: the restore settings are part of what it checks and lists.
  exportRestoreVariables(options);
  // Every DRILL_* variable is checked before anything starts, all invalid ones reported at once.
  readDrillVariables();
  const guard = target === 'cluster' ? prepareClusterGuard(options, dryRun) : undefined;
  if (dryRun) {
    process.stdout.write(describeDryRun(plan, selectedIds, files, target) + (guard?.plannedActions ?? ''));
    return EXIT.ok;
  }

  const runId = newRunId();
  const reportsDir = resolve(typeof options.reports === 'string' ? options.reports : 'reports');
  const context: DrillRunContext = {
    options: {
      target,
      runId,
      runbookPath: plan.path,
      reportsDir,
      runReportDir: join(reportsDir, runId),
      dryRun,
    },
    plan,
    selectedIds,
    runStatePath: join(reportsDir, runId, 'run-state.json'),
    startEnvironment: options.env !== false,
  };
  exportRunVariables(context);
  if (guard !== undefined) {
    // What this cluster run may do and where it writes: on the console, and in the evidence bundle.
    process.stderr.write(guard.plannedActions);
    await mkdir(context.options.runReportDir, { recursive: true });
    await writeFile(join(context.options.runReportDir, CLUSTER_PLAN_LOG), guard.plannedActions);
  }
  const { volumes, warning } = await resolveProductionVolumes({
    backup: typeof options.backup === 'string' ? resolve(options.backup) : undefined,
    manifest: typeof options.manifest === 'string' ? resolve(options.manifest) : undefined,
  });
  if (warning !== undefined) process.stderr.write(`${warning}\n`);
  const reporter = new DrillReporter({ context, volumes });
  const work = (signal?: AbortSignal) =>
    runDrills({
      context,
      drillsDir,
      files: selectedIds.map((id) => files.get(id) as string),
      reporters: [
        reporter,
        new ProgressReporter({ context }),
        new ConsoleLogRecorder({ runDir: context.options.runReportDir }),
        consoleRedaction,
      ],
      ...(signal === undefined ? {} : { signal }),
    });
  const { ok, interruptedBy, cancelled } = await (guard === undefined ? work() : guard.run(runId, work));
  if (interruptedBy !== undefined) {
    process.stderr.write(`run ${runId} interrupted by ${interruptedBy}; its environment was stopped\n`);
    return EXIT.interrupted;
  }
  if (cancelled !== undefined) {
    process.stderr.write(`run ${runId} cancelled: ${cancelled}\n`);
    return EXIT.failed;
  }
  const verdict = reporter.record?.report.verdict;
  if (!ok || verdict === undefined || verdict === 'failed') return EXIT.failed;
  if (verdict === 'over-budget') {
    const { totalSeconds } = reporter.record?.report ?? { totalSeconds: 0 };
    process.stderr.write(
      `over budget: ${formatSeconds(totalSeconds)} for a budget of ${formatSeconds(plan.budgetSeconds)}\n`,
    );
    return options['enforce-budget'] === true ? EXIT.overBudget : EXIT.ok;
  }
  return EXIT.ok;
}

function describeDryRun(
  plan: Plan,
  selectedIds: readonly string[],
  files: ReadonlyMap<string, string>,
  target: DrillTarget,
): string {
  const lines = plan.tasks
    .filter((task) => selectedIds.includes(task.id))
    .map(
      (task) =>
        `  ${task.id.padEnd(5)} ${formatSeconds(task.estimateSeconds).padEnd(10)} ${task.label}  (${files.get(task.id)})`,
    );
  const total = plan.tasks
    .filter((task) => selectedIds.includes(task.id))
    .reduce((sum, task) => sum + task.estimateSeconds, 0);
  return [
    `dry run: ${selectedIds.length} of ${plan.tasks.length} tasks would run on the ${target} target, in this order:`,
    ...lines,
    `estimated ${formatSeconds(total)}, budget ${formatSeconds(plan.budgetSeconds)}`,
    '',
  ].join('\n');
}

/** Sortable and unique enough for a folder name: 2026-11-27T06-40-12Z-3fa1. */
export function newRunId(): string {
  return `${new Date()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-')}-${randomBytes(2).toString('hex')}`;
}

/** The backup to drill (tt2, gt2) and how tt2 restores it (src/pg/restore-config.ts). */
function exportRestoreVariables(options: ParsedOptions): void {
  if (typeof options.backup === 'string') process.env.DRILL_BACKUP = resolve(options.backup);
  if (typeof options.manifest === 'string') process.env.DRILL_MANIFEST = resolve(options.manifest);
  if (options['non-production'] === true) process.env.DRILL_ENVIRONMENT_KIND = 'non-production';
  if (typeof options['restore-test'] === 'string') process.env.DRILL_RESTORE_TEST = options['restore-test'];
}

/** The run's settings, for the domain modules' typed configs (read in the drill workers). */
export function exportRunVariables({ options }: DrillRunContext): void {
  process.env.DRILL_TARGET = options.target;
  process.env.DRILL_RUN_ID = options.runId;
  process.env.DRILL_RUNBOOK = options.runbookPath;
  process.env.DRILL_RUN_REPORT_DIR = options.runReportDir;
}
