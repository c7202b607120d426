// The CLI's exit statuses (also listed in the usage text).
export const EXIT = {
  ok: 0,
  /**
   * An assertion failed, coverage failed, the runbook does not parse, lint failed under --strict, the
   * kubeconfig cannot be read, a setting (DRILL_*) is invalid, another drill holds the Lease, or an
   * unexpected error.
   */
  failed: 1,
  /** Bad options, or the cluster flags refused (--confirm naming another context, --allow-* alone). */
  usage: 2,
  /** The run took longer than the runbook's budget and --enforce-budget was given. */
  overBudget: 3,
  /** Interrupted (Ctrl-C, SIGTERM), as shells report SIGINT. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
