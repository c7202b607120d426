// One vitest instance of the drills project kept open for a whole sensitivity run: its global setup
// starts the environment once (first run) and stops it at close; each run in between executes some
// drill files, with a mutation or none, and returns what every assertion did.
import { resolve } from 'node:path';
import type { TestCase, TestModule, TestSuite, Vitest } from 'vitest/node';
import type { ActiveMutation } from '../../drill/apply-mutation.ts';
import type { DrillRunContext } from '../../drill/run-context.ts';
import type { DrillEnvDescriptor } from '../../env/drill-env.ts';
import { createDrillsVitest } from '../run-drills.ts';

export interface AssertionOutcome {
  /** The test's assertion id; undefined when the drill gave it none (a defect the report lists). */
  id: string | undefined;
  task: string;
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  /** The failure's messages: the test's, or its task's hooks' when they failed. */
  message?: string;
}

export class DrillSession {
  readonly #vitest: Vitest;

  private constructor(vitest: Vitest) {
    this.#vitest = vitest;
  }

  static async open(drillsDir: string): Promise<DrillSession> {
    // A reporter that says nothing: the sensitivity run prints one line per run of its own.
    return new DrillSession(await createDrillsVitest(drillsDir, [{}], 'silent'));
  }

  /** The environment the global setup started (after the first run). */
  get descriptor(): DrillEnvDescriptor | null {
    return this.#vitest.getProjectByName('drills').getProvidedContext().drillEnv ?? null;
  }

  async run(files: string[], context: DrillRunContext, mutation: ActiveMutation | null) {
    const project = this.#vitest.getProjectByName('drills');
    project.provide('drillRun', context);
    project.provide('drillMutation', mutation);
    const paths = files.map((file) => resolve(file));
    const result = await this.#vitest.runTestFiles(paths);
    const envError = project.getProvidedContext().drillEnvError;
    return {
      // The result lists every module run so far in this instance: only this run's count.
      outcomes: result.testModules.filter((module) => paths.includes(module.moduleId)).flatMap(outcomesOf),
      problems: [...result.unhandledErrors.map(String), ...(envError == null ? [] : [envError])],
    };
  }

  async close(): Promise<void> {
    await this.#vitest.close();
  }
}

function outcomesOf(module: TestModule): AssertionOutcome[] {
  return [...module.children.allTests()].map((test) => {
    const result = test.result();
    const hookErrors = suiteErrors(test);
    const failed = result.state === 'failed' || (result.state !== 'passed' && hookErrors.length > 0);
    const messages = [...(result.errors ?? []).map((error) => error.message), ...hookErrors];
    return {
      id: test.meta().assertion,
      task: taskOf(test),
      title: test.name,
      state: failed ? 'failed' : result.state === 'passed' ? 'passed' : 'skipped',
      ...(failed ? { message: messages.join('\n') } : {}),
    };
  });
}

/** Errors of the suites around the test (a failed beforeAll fails every test of its task). */
function suiteErrors(test: TestCase): string[] {
  const errors: string[] = [];
  for (let parent: TestSuite | TestModule = test.parent; ; parent = parent.parent) {
    errors.push(...parent.errors().map((error) => error.message));
    if (parent.type === 'module') return errors;
  }
}

function taskOf(test: TestCase): string {
  return test.fullName.split(' — ')[0] ?? '';
}
