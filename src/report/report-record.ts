// The report's record format (report.json), and how vitest's states map onto it.
import type { TestState } from 'vitest/node';
import type { DrillTarget } from '../env/drill-env.ts';
import type { LintFinding } from '../runbook/plan.ts';
import type { DrillMeasure } from '../drill/drill-meta.ts';

export type TaskStatus = 'passed' | 'failed' | 'skipped';
export type Verdict = 'passed' | 'failed' | 'over-budget';

/** Exhaustive: a new vitest state fails the typecheck until it is mapped. */
export const STATUS_OF_TEST_STATE: Record<TestState, TaskStatus> = {
  passed: 'passed',
  failed: 'failed',
  skipped: 'skipped',
  // A test still pending at the end of the run never ran (the run was cut short).
  pending: 'skipped',
};

export interface SetupPhaseRecord {
  name: string;
  seconds: number;
}

export interface FailureRecord {
  message: string;
}

export interface TaskRecord {
  id: string;
  label: string;
  section: string;
  estimateSeconds: number;
  actualSeconds: number;
  status: TaskStatus;
  /** Number of assertions (`it`) the drill declares for the task. */
  assertions: number;
  /** Assertions declared but not run (e.g. cluster-only checks on the ephemeral target), by name. */
  skippedAssertions: string[];
  failures: FailureRecord[];
  warnings: string[];
  measures: DrillMeasure[];
  /** Why the task did not run, e.g. "depends on tt2, which failed". */
  skipReason?: string;
}

export interface DrillReport {
  runId: string;
  target: DrillTarget;
  runbook: { path: string; budgetSeconds: number };
  startedAt: string;
  finishedAt: string;
  /** Sum of the tasks' actual durations, compared with the budget (the sum of the estimates). */
  totalSeconds: number;
  /** From the first set-up step (or the first task) to the report: tasks + setup + the rest. */
  wallSeconds?: number;
  /** The run's steps before its first task (environment start, backup fixture…), in order. */
  setup?: SetupPhaseRecord[];
  /** Longest dependency chain of the run, with actual durations. */
  criticalPathSeconds: number;
  verdict: Verdict;
  tasks: TaskRecord[];
  lint: LintFinding[];
  /** Versions involved (harness commit, PostgreSQL, engine, data packages): src/report/evidence. */
  versions?: Record<string, string>;
}

/** One assertion of a task, for junit.xml. */
export interface AssertionRecord {
  taskId: string;
  name: string;
  status: TaskStatus;
  seconds: number;
  failures: FailureRecord[];
  skipNote?: string;
}

export interface DrillRunRecord {
  report: DrillReport;
  assertions: AssertionRecord[];
}
