// What one drill file's test module says about its task: status, span, assertions, failures, meta.
import type { TestCase, TestModule, TestSuite } from 'vitest/node';
import type { DrillMeasure, DrillMeta } from '../drill/drill-meta.ts';
import {
  STATUS_OF_TEST_STATE,
  type AssertionRecord,
  type FailureRecord,
  type TaskStatus,
} from './report-record.ts';

export interface TaskResult {
  status: TaskStatus;
  /** Epoch ms; undefined when nothing ran. */
  startedAt: number | undefined;
  endedAt: number | undefined;
  assertions: AssertionRecord[];
  /** Failures outside the assertions (loading, hooks), also part of `failures`. */
  taskFailures: FailureRecord[];
  failures: FailureRecord[];
  warnings: string[];
  measures: DrillMeasure[];
  skipReason: string | undefined;
}

export function readTaskResult(taskId: string, module: TestModule): TaskResult {
  const suite = [...module.children.suites()][0];
  const tests = [...module.children.allTests()];
  const suiteMeta: DrillMeta = suite?.meta().drill ?? {};
  const metas = [suiteMeta, ...tests.map((test) => test.meta().drill ?? {})];
  // Failures outside any test: the file did not load, a hook of the task failed.
  const taskFailures: FailureRecord[] = [
    ...module.errors().map((error) => ({ message: `${module.relativeModuleId}: ${error.message}` })),
    ...(suite?.errors() ?? []).map((error) => ({ message: `${suite?.name}: ${error.message}` })),
  ];
  if (tests.length === 0 && taskFailures.length === 0) {
    taskFailures.push({ message: `${module.relativeModuleId} declares no assertion for ${taskId}` });
  }
  const failures = [
    ...taskFailures,
    ...tests.flatMap((test) =>
      (test.result().errors ?? []).map((error) => ({ message: `${test.name}: ${error.message}` })),
    ),
  ];
  const assertions = tests.map((test) => toAssertion(taskId, test));
  const [startedAt, endedAt] = spanOf(suiteMeta, tests);
  return {
    status: statusOf(failures, assertions),
    startedAt,
    endedAt,
    assertions,
    taskFailures,
    failures,
    warnings: metas.flatMap((meta) => meta.warnings ?? []),
    measures: metas.flatMap((meta) => meta.measures ?? []),
    skipReason: suiteMeta.skipReason ?? (suite === undefined ? undefined : skipNoteOf(suite)),
  };
}

function statusOf(failures: readonly FailureRecord[], assertions: readonly AssertionRecord[]): TaskStatus {
  if (failures.length > 0 || assertions.some((assertion) => assertion.status === 'failed')) return 'failed';
  return assertions.every((assertion) => assertion.status === 'skipped') ? 'skipped' : 'passed';
}

function toAssertion(taskId: string, test: TestCase): AssertionRecord {
  const result = test.result();
  return {
    taskId,
    name: test.name,
    status: STATUS_OF_TEST_STATE[result.state],
    seconds: (test.diagnostic()?.duration ?? 0) / 1000,
    failures: (result.errors ?? []).map((error) => ({ message: error.message })),
    ...(result.state === 'skipped' && result.note !== undefined ? { skipNote: result.note } : {}),
  };
}

/** The task's own span (its hooks included) when it ran to the end; else first test start to last test end. */
function spanOf(meta: DrillMeta, tests: readonly TestCase[]): [number | undefined, number | undefined] {
  if (meta.startedAt !== undefined && meta.endedAt !== undefined) return [meta.startedAt, meta.endedAt];
  const diagnostics = tests.flatMap((test) => test.diagnostic() ?? []);
  if (diagnostics.length === 0) return [undefined, undefined];
  return [
    Math.min(...diagnostics.map((d) => d.startTime)),
    Math.max(...diagnostics.map((d) => d.startTime + d.duration)),
  ];
}

/** A drill that skipped itself (`ctx.skip(note)`) gives its note as the reason. */
function skipNoteOf(suite: TestSuite): string | undefined {
  for (const test of suite.children.allTests()) {
    const result = test.result();
    if (result.state === 'skipped' && result.note !== undefined) return result.note;
  }
  return undefined;
}
