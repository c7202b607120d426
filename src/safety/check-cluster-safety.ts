// The guards of `npm run drill:prod`, as pure functions: the run is read-only unless --confirm
// names the kubeconfig's current context, each destructive step also needs its own flag, and every
// endpoint a step would write to must be listed in the drill's config file (write-targets.ts).
// The decision says which actions may run, lists every one with why (for --dry-run), and gives the
// environment the drills must see: the confirmations the step modules read (DRILL_ALLOW_RESTORE,
// DRILL_CONFIRM_EXPORT, DRILL_ALLOW_JOB, DRILL_REPLACE_FINISHED_JOB, …) are set from the flags alone, and removed otherwise, so a
// variable left in the shell can never turn a read-only run into a writing one.
import type { KubeConfig } from '@kubernetes/client-node';
import { readDrillVariables } from '../config/index.ts';
import { SafetyError } from './safety-error.ts';
import { NO_WRITE_TARGETS, uncoveredWrites, type WriteBinding, type WriteKind } from './write-targets.ts';

export type ClusterAction =
  'lease' | 'export-preprod' | 'restore' | 'export-prod' | 'create-job' | 'replace-finished-job';

export interface ClusterSafetyOptions {
  /** --confirm <context> */
  confirm?: string;
  /** --allow-restore: a declared recovery, pg_restore over the live database (DRILL_CONFIRM_RESTORE names it). */
  allowRestore?: boolean;
  /** --allow-export-prod: trigger the export to the production index. */
  allowExportProd?: boolean;
  /** --allow-job: create the cron-ingester-manual Job from the CronJob. */
  allowJob?: boolean;
  /** --replace-finished-job (with --allow-job): delete a finished cron-ingester-manual to create the new one. */
  replaceFinishedJob?: boolean;
  /** --dry-run: list the actions, run none. */
  dryRun?: boolean;
}

/** What the guards need from the kubeconfig (kubeconfigContexts reads it from a loaded KubeConfig). */
export interface KubeconfigContexts {
  currentContext: string | undefined;
  contexts: string[];
}

type LoadedKubeconfig = Pick<KubeConfig, 'getCurrentContext' | 'getContexts'>;

export function kubeconfigContexts(config: LoadedKubeconfig | KubeconfigContexts): KubeconfigContexts {
  if (!('getCurrentContext' in config)) return config;
  return {
    currentContext: config.getCurrentContext() || undefined,
    contexts: config.getContexts().map((context) => context.name),
  };
}

export interface PlannedAction {
  action: ClusterAction;
  flag: string;
  description: string;
  willRun: boolean;
  why: string;
}

export type ClusterSafety =
  | {
      ok: true;
      context: string;
      /** read-only: no --confirm, nothing written; dry-run: confirmed, nothing written; confirmed: writes as allowed. */
      mode: 'read-only' | 'dry-run' | 'confirmed';
      allowed: ClusterAction[];
      actions: PlannedAction[];
      /** Whether to hold the cdtn-recovery-drill Lease: whenever the run may write. */
      takeLease: boolean;
      /** Environment for the drills: a value to set, or undefined to remove the variable. */
      env: Record<string, string | undefined>;
    }
  | { ok: false; problems: string[] };

const STEPS: {
  action: ClusterAction;
  flag: string;
  /** The flag that allows the step besides --confirm; none: --confirm alone. */
  option?: keyof ClusterSafetyOptions;
  description: string;
  writes: WriteKind[];
}[] = [
  {
    action: 'lease',
    flag: '--confirm',
    description: 'hold Lease cdtn-recovery-drill for the run',
    writes: ['kube'],
  },
  {
    action: 'export-preprod',
    flag: '--confirm',
    description: 'POST /export {"environment":"preproduction"} to the export service (tt4)',
    writes: ['exportService', 'search'],
  },
  {
    action: 'restore',
    flag: '--allow-restore',
    option: 'allowRestore',
    description: 'declared recovery: pg_restore the backup over the live database (tt2)',
    writes: ['postgres'],
  },
  {
    action: 'export-prod',
    flag: '--allow-export-prod',
    option: 'allowExportProd',
    description: 'POST /export {"environment":"production"} to the export service (tt5)',
    writes: ['exportService', 'search'],
  },
  {
    action: 'create-job',
    flag: '--allow-job',
    option: 'allowJob',
    description: 'create Job cron-ingester-manual from CronJob cron-ingester (tt3)',
    writes: ['kube'],
  },
  {
    action: 'replace-finished-job',
    flag: '--replace-finished-job',
    option: 'replaceFinishedJob',
    description: 'delete a finished Job cron-ingester-manual before creating the new one (tt3)',
    writes: ['kube'],
  },
];

/** Confirmations read by the step modules; only this function decides their values in cluster mode. */
export const CONFIRMATION_ENV = [
  'DRILL_ALLOW_RESTORE',
  'DRILL_CONFIRM_RESTORE',
  'DRILL_CONFIRM_EXPORT',
  'DRILL_CONFIRM_INDEX_PROBE',
  'DRILL_ALLOW_JOB',
  'DRILL_REPLACE_FINISHED_JOB',
] as const;

export function checkClusterSafety(
  options: ClusterSafetyOptions,
  kubeconfig: KubeconfigContexts | LoadedKubeconfig,
  env: Record<string, string | undefined> = {},
  binding: WriteBinding = NO_WRITE_TARGETS,
): ClusterSafety {
  const problems: string[] = [];
  const { DRILL_CONFIRM_RESTORE: confirmRestore, DRILL_CONFIRM_INDEX_PROBE: confirmIndexProbe } =
    readDrillVariables(env);
  const { currentContext: current, contexts } = kubeconfigContexts(kubeconfig);
  const confirmed = options.confirm !== undefined;
  if (current === undefined || current === '')
    problems.push('the kubeconfig has no current context: set one with `kubectl config use-context <name>`');
  if (options.confirm === '') problems.push('--confirm needs the name of the kubeconfig current context');
  else if (confirmed && current && options.confirm !== current) {
    const known = contexts.includes(options.confirm ?? '')
      ? ` (${options.confirm} exists: switch with \`kubectl config use-context ${options.confirm}\`)`
      : '';
    problems.push(
      `--confirm ${options.confirm} does not match the kubeconfig's current context ${current}${known}`,
    );
  }
  if (!confirmed) {
    for (const step of STEPS)
      if (step.option && options[step.option])
        problems.push(`${step.flag} needs --confirm <context>: without it the run is read-only`);
  }
  if (options.replaceFinishedJob && !options.allowJob)
    problems.push(
      '--replace-finished-job needs --allow-job: it only says what to do with a finished cron-ingester-manual when the job is created',
    );
  if (confirmed && options.allowRestore && !confirmRestore) {
    problems.push(
      '--allow-restore (a declared recovery over the live database) also needs DRILL_CONFIRM_RESTORE=<host>/<database> naming it',
    );
  }
  const allowed = confirmed
    ? STEPS.filter((step) => step.option === undefined || options[step.option] === true).map(
        (step) => step.action,
      )
    : [];
  // Said in --dry-run too: an uncovered endpoint is refused before the real run is tried.
  for (const step of STEPS.filter((candidate) => allowed.includes(candidate.action)))
    problems.push(...uncoveredWrites(binding, step.writes, `${step.flag}: ${step.description}`));
  if (problems.length > 0 || current === undefined) return { ok: false, problems };

  const dryRun = options.dryRun ?? false;
  const actions = STEPS.map((step): PlannedAction => {
    const permitted = allowed.includes(step.action);
    const why = !confirmed
      ? 'read-only: no --confirm'
      : !permitted
        ? `not allowed: no ${step.flag}`
        : dryRun
          ? 'allowed, but --dry-run'
          : 'allowed';
    return {
      action: step.action,
      flag: step.flag,
      description: step.description,
      willRun: permitted && !dryRun,
      why,
    };
  });
  const writing = confirmed && !dryRun;
  const runs = (action: ClusterAction) => writing && allowed.includes(action);
  return {
    ok: true,
    context: current,
    mode: !confirmed ? 'read-only' : dryRun ? 'dry-run' : 'confirmed',
    allowed,
    actions,
    takeLease: runs('lease'),
    env: {
      DRILL_ALLOW_RESTORE: runs('restore') ? '1' : undefined,
      // the live database the declared recovery restores over, named by the user (host/database)
      DRILL_CONFIRM_RESTORE: runs('restore') ? confirmRestore : undefined,
      DRILL_CONFIRM_EXPORT:
        [runs('export-preprod') && 'preproduction', runs('export-prod') && 'production']
          .filter(Boolean)
          .join(',') || undefined,
      DRILL_CONFIRM_INDEX_PROBE: writing ? confirmIndexProbe : undefined,
      DRILL_ALLOW_JOB: runs('create-job') ? '1' : undefined,
      DRILL_REPLACE_FINISHED_JOB: runs('replace-finished-job') ? '1' : undefined,
    },
  };
}

/** The --dry-run listing: one line per destructive step. */
export function formatPlannedActions(actions: PlannedAction[]): string {
  return actions
    .map((a) => `${a.willRun ? 'would run' : 'skipped  '}  ${a.description}  [${a.flag}: ${a.why}]`)
    .join('\n');
}

/** A step's own guard, for the module about to act: throws unless the decision allowed it. */
export function ensureActionIsAllowed(safety: ClusterSafety, action: ClusterAction): void {
  const planned = safety.ok ? safety.actions.find((a) => a.action === action) : undefined;
  if (planned?.willRun) return;
  const step = STEPS.find((s) => s.action === action);
  throw new SafetyError(
    `safety: refusing to ${step?.description ?? action}: ${planned?.why ?? 'the cluster safety check did not pass'}`,
  );
}
