// Global setup of the drills project: starts the environment once per run (when the run asks for
// one), provides its descriptor to the drills, and stops it at the end, on failure and on Ctrl-C.
// An environment that cannot start is removed and its error provided instead: every task that
// needs it then fails with that error in the report, and the tasks that do not still run.
import type { TestProject } from 'vitest/node';
import type { SetupPhase } from '../drill/run-context.ts';
import type { StartedEnvironment } from '../env/index.ts';
import type { EphemeralServices } from '../ephemeral/index.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const run = project.getProvidedContext().drillRun;
  project.provide('drillEnv', null);
  project.provide('drillEnvError', null);
  const phases: SetupPhase[] = [];
  project.provide('drillSetupPhases', phases);
  /** Runs one step of the set-up and records how long it took (also when it fails). */
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const startedAt = new Date();
    try {
      return await work();
    } finally {
      phases.push({
        name,
        startedAt: startedAt.toISOString(),
        seconds: (Date.now() - startedAt.getTime()) / 1000,
      });
      project.provide('drillSetupPhases', phases);
    }
  };
  const refuse = (what: string, error: unknown): undefined => {
    project.provide(
      'drillEnvError',
      `cannot start the ${what} for run ${run?.options.runId}: ${chain(error)}`,
    );
    return undefined;
  };
  if (run === undefined || !run.startEnvironment || run.options.dryRun) return undefined;

  // Loaded only when the run starts an environment: fixture runs never load Testcontainers.
  const { startEnvironment } = await import('../env/index.ts');
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void =>
    controller.abort(new Error(`drill interrupted by ${signal}`));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const removeHandlers = (): void => {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  };

  let environment: StartedEnvironment;
  try {
    environment = await timed('environment start', () =>
      startEnvironment({
        target: run.options.target,
        runId: run.options.runId,
        signal: controller.signal,
      }),
    );
  } catch (error) {
    removeHandlers();
    // Interrupted while starting: startEnvironment removed what it had started and runDrills is
    // cancelling the run; an error here would only outlive the run as an unhandled rejection.
    if (controller.signal.aborted) return undefined;
    return refuse(`${run.options.target} environment`, error);
  }
  let services: EphemeralServices | undefined;
  if (run.options.target === 'ephemeral') {
    try {
      const { startEphemeralServices } = await import('../ephemeral/index.ts');
      services = await startEphemeralServices(environment.descriptor, {
        signal: controller.signal,
        log: (line) => console.error(`environment: ${line}`),
        timed,
      });
    } catch (error) {
      removeHandlers();
      await environment.stop();
      if (controller.signal.aborted) return undefined;
      return refuse('ephemeral services', error);
    }
    // Workers are forked after the global setup, so they inherit these (what a cluster's config gives).
    Object.assign(process.env, services.variables);
  }
  project.provide('drillEnv', environment.descriptor);
  // Stops the environment once, whichever comes first: the end of the run or a signal (runDrills
  // cancels the run on that signal; the drills then fail fast and teardown waits for this stop).
  let stopping: Promise<void> | undefined;
  const stopAll = async (): Promise<void> => {
    try {
      await services?.stop();
    } finally {
      await environment.stop();
    }
  };
  const stop = (): Promise<void> => (stopping ??= stopAll());
  controller.signal.addEventListener('abort', () => void stop());
  return async () => {
    removeHandlers();
    await stop();
  };
}

/** An error's message followed by its causes': what the report can say without a stack. */
function chain(error: unknown): string {
  const messages: string[] = [];
  for (let current = error; current !== undefined; current = (current as Error).cause) {
    messages.push(current instanceof Error ? current.message : String(current));
    if (!(current instanceof Error)) break;
  }
  return messages.join(': ');
}
