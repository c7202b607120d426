// The parsed runbook: what every other part of the harness reads (runner, coverage, reporter).
// Offsets and estimates are in seconds from the start of the plan.

export interface PlanTask {
  /** Gantt id, e.g. `tt2`. */
  id: string;
  /** Task label as written in the gantt line. */
  label: string;
  /** Title of the gantt section the task belongs to. */
  section: string;
  /** Duration from the gantt line, in seconds. */
  estimateSeconds: number;
  /** Prose estimate ("Estimation du temps : ~ 5 minutes") in seconds, when the page gives one. */
  proseEstimateSeconds?: number;
  /** Ids this task starts after (`after <id>`). */
  dependsOn: string[];
  plannedStartSeconds: number;
  plannedEndSeconds: number;
  /** The gantt line carries the `done` tag. */
  done: boolean;
  /** The gantt line carries the `crit` tag. */
  crit: boolean;
  /** 1-based line of the task in the runbook file. */
  line: number;
}

export interface PlanSection {
  title: string;
  taskIds: string[];
}

export type LintSeverity = 'warning' | 'error';

export interface LintFinding {
  rule: 'estimate-mismatch' | 'total-mismatch' | 'missing-prose-estimate';
  severity: LintSeverity;
  message: string;
  taskId?: string;
  line?: number;
}

export interface Plan {
  /** Path of the runbook file the plan was read from. */
  path: string;
  title: string;
  sections: PlanSection[];
  /** Tasks in topological (dependency) order; ties keep the page's order. */
  tasks: PlanTask[];
  /** Stated total ("Estimation total du temps : ~ 3 heures 30 minutes"), in seconds. */
  budgetSeconds: number;
  /** Ids of the longest dependency chain, first to last. */
  criticalPath: string[];
  criticalPathSeconds: number;
  lint: LintFinding[];
}
