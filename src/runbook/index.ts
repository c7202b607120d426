export type { LintFinding, LintSeverity, Plan, PlanSection, PlanTask } from './plan.ts';
export { parseRunbook } from './parse-runbook.ts';
export { DEFAULT_RUNBOOK_PATH, loadPlan } from './load-plan.ts';
export { RunbookError } from './runbook-error.ts';
export { formatPlan } from './format-plan.ts';
export { formatSeconds } from './format-seconds.ts';
export { dependentsOf } from './dependents-of.ts';
export { ESTIMATE_TOLERANCE, TOTAL_TOLERANCE, type Tolerance } from './lint.ts';
