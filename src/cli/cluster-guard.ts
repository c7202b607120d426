// The cluster target's guards around `run`: --confirm and --allow-* are checked against the
// kubeconfig and the endpoints each step would write to against the drill's config file, before
// anything starts (checkClusterSafety); the confirmations the step modules read are set from these
// flags alone; the drill's Lease is held for the whole run when it may write; and the restore
// test's scratch database is dropped after the run, whatever became of the drill that made it.
import { DRILL_VARIABLES, loadChecksConfig } from '../config/index.ts';
import { loadExternalConfig, type ExternalConfig } from '../env/index.ts';
import { loadKubeClient, readK8sConfig, withDrillLease } from '../k8s/index.ts';
import {
  decideRestore,
  describeRestorePlan,
  dropScratchDatabase,
  readRestoreConfig,
  RESTORE_TEST_SERVERS,
} from '../pg/index.ts';
import {
  checkClusterSafety,
  formatPlannedActions,
  formatWriteEndpoints,
  kubeconfigContexts,
  SafetyError,
  type WriteBinding,
} from '../safety/index.ts';
import type { OptionProblem, OptionSpec, ParsedOptions } from './command-options.ts';

export const CLUSTER_OPTIONS: Record<string, OptionSpec> = {
  confirm: { type: 'string', expected: "the kubeconfig's current context" },
  'allow-restore': { type: 'boolean' },
  'allow-export-prod': { type: 'boolean' },
  'allow-job': { type: 'boolean' },
  'replace-finished-job': { type: 'boolean' },
  'non-production': { type: 'boolean' },
  'restore-test': { type: 'string', choices: RESTORE_TEST_SERVERS },
};

export const CLUSTER_USAGE = `  --confirm <ctx>    cluster: allow writes; must name the kubeconfig's current context, and every
                     endpoint written to must be listed under writeTargets in DRILL_CONFIG's file
  --allow-restore    cluster, with --confirm and DRILL_CONFIRM_RESTORE=<host>/<database>: a declared
                     recovery, pg_restore over the live database (tt2)
  --allow-export-prod  cluster, with --confirm: export to the production index (tt5)
  --allow-job        cluster, with --confirm: create the cron-ingester-manual Job (tt3); refused while
                     an ingestion Job runs or cron-ingester-manual exists
  --replace-finished-job  cluster, with --confirm and --allow-job: delete a finished
                     cron-ingester-manual before creating the new one (a running one is always refused)
  --restore-test <${RESTORE_TEST_SERVERS.join('|')}>  cluster: where tt2's restore test restores (default
                     ${DRILL_VARIABLES.DRILL_RESTORE_TEST.default}: a scratch database cdtn_admin_drill_<run>, dropped after)
  --non-production   cluster: the environment is not production: upstream's post-restore step
                     (anonymisation, drill administrator) follows a declared recovery`;

/** The cluster flags make no sense on the ephemeral target: its drills own everything they touch. */
export function clusterOptionProblems(options: ParsedOptions, target: string): OptionProblem[] {
  if (target === 'cluster') return [];
  return Object.keys(CLUSTER_OPTIONS)
    .filter((name) => options[name] !== undefined)
    .map((name) => ({
      option: `--${name}`,
      expected: 'only with --target cluster',
      received: `--target ${target}`,
    }));
}

export interface ClusterGuard {
  /** What the run would do and where it would write (the --dry-run listing). */
  plannedActions: string;
  /** Runs the work under the drill's Lease when the run may write (its `lost` signal given), else as is. */
  run<T>(runId: string, work: (leaseLost?: AbortSignal) => Promise<T>): Promise<T>;
}

/** The cluster's PostgreSQL and engine as the drills will read them; undefined when not configured. */
function readClusterEndpoints(
  env: NodeJS.ProcessEnv,
  options: { search?: boolean } = {},
): ExternalConfig | undefined {
  try {
    return loadExternalConfig(env, options);
  } catch {
    return undefined; // a step that writes there is refused by the binding; the drills say why
  }
}

/** The endpoints this run would write to, read as the drills will read them. */
function readWriteBinding(env: NodeJS.ProcessEnv, context: string | undefined): WriteBinding {
  const config = loadChecksConfig({ env });
  const external = readClusterEndpoints(env);
  const pg = external?.pg;
  return {
    endpoints: {
      ...(context ? { kube: `${context}/${config.cluster.adminNamespace}` } : {}),
      ...(pg ? { postgres: `${pg.host}:${pg.port}/${pg.database}` } : {}),
      ...(external?.search ? { search: external.search.url } : {}),
      ...(config.admin.exportUrl ? { exportService: config.admin.exportUrl } : {}),
    },
    allowList: config.writeTargets,
  };
}

/** What tt2 will restore into (would, on a dry run), as decided from the settings the drill reads. */
function describeRestore(env: NodeJS.ProcessEnv, allowRestore: boolean): string {
  try {
    const pg = loadExternalConfig(env, { search: false }).pg;
    const plan = decideRestore(
      { target: 'cluster', host: pg.host, database: pg.database, tableCount: 1 },
      { ...readRestoreConfig(env), allowRestore },
    );
    return describeRestorePlan(plan, `${pg.host}/${pg.database}`);
  } catch (error) {
    return (error as Error).message;
  }
}

/** Drops the run's scratch database if the drill left it (killed, interrupted); says so. */
async function dropLeftoverScratchDatabase(runId: string): Promise<void> {
  const live = readClusterEndpoints(process.env, { search: false })?.pg;
  if (live === undefined) return; // no database configured: the drill could have created nothing
  const dropped = await dropScratchDatabase(live, runId).catch((error: unknown) => {
    process.stderr.write(
      `tt2: the scratch database of run ${runId} could not be checked: ${(error as Error).message}\n`,
    );
    return false;
  });
  if (dropped)
    process.stderr.write(`tt2: the drill left its scratch database of run ${runId}: dropped now\n`);
}

/** Checks the flags against the kubeconfig and sets the drills' confirmations; throws SafetyError. */
export function prepareClusterGuard(options: ParsedOptions, dryRun: boolean): ClusterGuard {
  const client = loadKubeClient(readK8sConfig());
  const contexts = kubeconfigContexts(client.config);
  const binding = readWriteBinding(process.env, client.context || contexts.currentContext);
  const safety = checkClusterSafety(
    {
      ...(typeof options.confirm === 'string' ? { confirm: options.confirm } : {}),
      allowRestore: options['allow-restore'] === true,
      allowExportProd: options['allow-export-prod'] === true,
      allowJob: options['allow-job'] === true,
      replaceFinishedJob: options['replace-finished-job'] === true,
      dryRun,
    },
    contexts,
    process.env,
    binding,
  );
  if (!safety.ok) throw new SafetyError(`the cluster run is refused:\n  ${safety.problems.join('\n  ')}`);
  const restore = describeRestore(process.env, safety.allowed.includes('restore'));
  // A confirmation left in the shell must never turn a read-only run into a writing one.
  for (const [name, value] of Object.entries(safety.env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return {
    plannedActions:
      `cluster ${safety.context}, ${safety.mode}:\n${formatPlannedActions(safety.actions)}\n` +
      `tt2: ${restore}\n` +
      `write endpoints:\n${formatWriteEndpoints(binding)}\n`,
    run: async (runId, work) => {
      try {
        return await (safety.takeLease ? withDrillLease(client, {}, (lease) => work(lease.lost)) : work());
      } finally {
        await dropLeftoverScratchDatabase(runId);
      }
    },
  };
}
