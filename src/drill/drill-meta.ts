// Data a drill hands to the reporter, carried by vitest's task meta (never console output).
import { TestRunner } from 'vitest';

export interface DrillMeasure {
  name: string;
  value: number;
  unit: string;
}

export interface DrillMeta {
  measures?: DrillMeasure[];
  warnings?: string[];
  /** Set on a task's suite when it was not run, e.g. "depends on tt2, which failed". */
  skipReason?: string;
  /** Epoch ms when the task's first hook started and its last hook ended: the task's span. */
  startedAt?: number;
  endedAt?: number;
}

declare module 'vitest' {
  interface TaskMeta {
    drill?: DrillMeta;
  }
}

// Measures and warnings recorded outside a test (in hooks) wait here until the task's afterAll
// moves them onto its suite.
const pending: Required<Pick<DrillMeta, 'measures' | 'warnings'>> = { measures: [], warnings: [] };

function currentMeta(): DrillMeta | undefined {
  const test = TestRunner.getCurrentTest();
  if (test === undefined) return undefined;
  test.meta.drill ??= {};
  return test.meta.drill;
}

/** Records a measured value (RPO, rows/s…) for the report. */
export function recordMeasure(name: string, value: number, unit: string): void {
  if (!Number.isFinite(value))
    throw new TypeError(`recordMeasure: ${name} must be a finite number, received ${value}`);
  const meta = currentMeta();
  if (meta === undefined) pending.measures.push({ name, value, unit });
  else (meta.measures ??= []).push({ name, value, unit });
}

/** Adds a warning to the report; it does not fail the task. */
export function warn(message: string): void {
  const meta = currentMeta();
  if (meta === undefined) pending.warnings.push(message);
  else (meta.warnings ??= []).push(message);
}

/** Hands what was recorded outside tests over to the task's suite meta. */
export function flushPendingMeta(target: DrillMeta): void {
  if (pending.measures.length > 0) (target.measures ??= []).push(...pending.measures.splice(0));
  if (pending.warnings.length > 0) (target.warnings ??= []).push(...pending.warnings.splice(0));
}
