// Waits until a control-plane component answers what `isReady` checks, through the one poll
// helper; a component that exits ends the wait at once, and the error carries its last log lines.
import { pollUntil } from '../env/poll-until.ts';
import type { ControlPlaneProcess } from './control-plane-process.ts';

class ComponentExited extends Error {
  override name = 'ComponentExited';
}

export async function waitForComponent(
  component: ControlPlaneProcess,
  what: string,
  options: { timeoutMs: number; signal?: AbortSignal | undefined },
  isReady: () => Promise<boolean>,
): Promise<void> {
  try {
    await pollUntil(
      async () => {
        const exit = component.exit;
        if (exit)
          throw new ComponentExited(`${component.name} exited (${exit.signal ?? `code ${exit.code}`})`);
        if (!(await isReady())) throw new Error(`${what} is not ready yet`);
      },
      {
        timeoutMs: options.timeoutMs,
        intervalMs: 100,
        signal: options.signal,
        isRetryable: (error) => !(error instanceof ComponentExited),
        onTimeout: (last) =>
          new Error(
            `${component.name}: ${what} not ready after ${options.timeoutMs} ms (last: ${(last as Error)?.message})`,
            { cause: last },
          ),
      },
    );
  } catch (error) {
    const lines = await component.readLastLogLines();
    throw new Error(`${(error as Error).message}; last lines of its log:\n  ${lines.join('\n  ')}`, {
      cause: error,
    });
  }
}
