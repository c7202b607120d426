// The cluster target's guards around `run`: --confirm and --allow-* are checked against the
// kubeconfig before anything starts (checkClusterSafety), the confirmations the step modules read
// are set from these flags alone, and the drill's Lease is held for the whole run when it may write.
import { loadKubeClient, readK8sConfig, withDrillLease } from '../k8s/index.ts';
import {
  checkClusterSafety,
  formatPlannedActions,
  kubeconfigContexts,
  SafetyError,
} from '../safety/index.ts';
import type { OptionProblem, OptionSpec, ParsedOptions } from './command-options.ts';

export const CLUSTER_OPTIONS: Record<string, OptionSpec> = {
  confirm: { type: 'string', expected: "the kubeconfig's current context" },
  'allow-restore': { type: 'boolean' },
  'allow-export-prod': { type: 'boolean' },
  'allow-job': { type: 'boolean' },
  'replace-finished-job': { type: 'boolean' },
};

export const CLUSTER_USAGE = `  --confirm <ctx>    cluster: allow writes; must name the kubeconfig's current context
  --allow-restore    cluster, with --confirm: pg_restore over a database that holds data (tt2)
  --allow-export-prod  cluster, with --confirm: export to the production index (tt5)
  --allow-job        cluster, with --confirm: create the cron-ingester-manual Job (tt3); refused while
                     an ingestion Job runs or cron-ingester-manual exists
  --replace-finished-job  cluster, with --confirm and --allow-job: delete a finished
                     cron-ingester-manual before creating the new one (a running one is always refused)`;

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
  /** The destructive steps and whether each would run (the --dry-run listing). */
  plannedActions: string;
  /** Runs the work under the drill's Lease when the run may write (its `lost` signal given), else as is. */
  run<T>(work: (leaseLost?: AbortSignal) => Promise<T>): Promise<T>;
}

/** Checks the flags against the kubeconfig and sets the drills' confirmations; throws SafetyError. */
export function prepareClusterGuard(options: ParsedOptions, dryRun: boolean): ClusterGuard {
  const client = loadKubeClient(readK8sConfig());
  const safety = checkClusterSafety(
    {
      ...(typeof options.confirm === 'string' ? { confirm: options.confirm } : {}),
      allowRestore: options['allow-restore'] === true,
      allowExportProd: options['allow-export-prod'] === true,
      allowJob: options['allow-job'] === true,
      replaceFinishedJob: options['replace-finished-job'] === true,
      dryRun,
    },
    kubeconfigContexts(client.config),
    process.env,
  );
  if (!safety.ok) throw new SafetyError(`the cluster run is refused:\n  ${safety.problems.join('\n  ')}`);
  // A confirmation left in the shell must never turn a read-only run into a writing one.
  for (const [name, value] of Object.entries(safety.env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return {
    plannedActions: `cluster ${safety.context}, ${safety.mode}:\n${formatPlannedActions(safety.actions)}\n`,
    run: (work) => (safety.takeLease ? withDrillLease(client, {}, (lease) => work(lease.lost)) : work()),
  };
}
