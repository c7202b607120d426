// What a preparation starts, stopped in reverse order: by the stop() it returns, or at once when
// the preparation fails halfway, so nothing it started outlives a failed test.
export interface Stoppable {
  stop(): Promise<void>;
}

export async function startAll<T extends object>(
  start: (onStop: (step: () => PromiseLike<unknown>) => void) => Promise<T>,
): Promise<T & Stoppable> {
  const steps: (() => PromiseLike<unknown>)[] = [];
  // splice: a second stop() has nothing left to stop.
  const stop = async () => {
    for (const step of steps.splice(0).reverse()) await step();
  };
  try {
    return { ...(await start((step) => steps.push(step))), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
