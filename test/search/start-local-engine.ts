// Starts a real engine as a host process for a test: a free port, a throwaway home, a poll until
// `GET /_cluster/health` answers, the last log lines in every failure, and a stop that ends the
// process tree it started (Elasticsearch runs a CLI JVM and a server JVM) and removes the home.
// Not detached: a Ctrl-C in the terminal reaches the engine too.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFreePort } from '../../src/env/get-free-port.ts';
import { pollUntil } from '../../src/env/poll-until.ts';
import { getTreeRssBytes, stopProcessTree } from './process-tree.ts';
import { buildLaunchSpec, prepareEngine, type LocalEngineKind } from './local-engine-launch.ts';

export interface StartedLocalEngine extends AsyncDisposable {
  kind: LocalEngineKind;
  url: string;
  pid: number;
  /** From spawn to the first successful health answer. */
  readyMs: number;
  /** Resident memory of the process and its descendants, in bytes. */
  getRssBytes(): Promise<number>;
  getLogTail(lines?: number): string;
  stop(): Promise<void>;
}

const LOG_LINES_KEPT = 50;

export async function startLocalEngine(
  kind: LocalEngineKind,
  options: { timeoutMs?: number; settings?: Record<string, string> } = {},
): Promise<StartedLocalEngine> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const prepared = await prepareEngine(kind);
  const home = await mkdtemp(join(tmpdir(), `cdtn-drill-${kind}-`));
  const port = await getFreePort();
  const spec = await buildLaunchSpec(kind, prepared, home, port, options.settings);
  const started = performance.now();
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const keep = (chunk: Buffer): void => {
    log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    log.splice(0, Math.max(0, log.length - LOG_LINES_KEPT));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`exited with ${signal ?? code}`)),
  );
  const getLogTail = (lines = LOG_LINES_KEPT): string => log.slice(-lines).join('\n');
  // Should the test runner itself exit first, the engine must not outlive it.
  // (Elasticsearch's server JVM exits by itself when its CLI parent is gone.)
  const killOnExit = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      await stopProcessTree(child.pid);
    }
    await exited;
    await rm(home, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(url, exited, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(
      `local ${kind} on port ${port}: ${(error as Error).message}; last log lines:\n${getLogTail()}`,
      { cause: error },
    );
  }
  const readyMs = Math.round(performance.now() - started);
  return {
    kind,
    url,
    pid: child.pid ?? -1,
    readyMs,
    getRssBytes: () => getTreeRssBytes(child.pid ?? -1),
    getLogTail,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}

class EngineExited extends Error {}

async function waitUntilHealthy(url: string, exited: Promise<string>, timeoutMs: number): Promise<void> {
  let exit: string | undefined;
  void exited.then((reason) => (exit = reason));
  await pollUntil(
    async () => {
      if (exit !== undefined) throw new EngineExited(`the process ${exit} before answering`);
      const response = await fetch(`${url}/_cluster/health`, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`GET /_cluster/health answered ${response.status}`);
    },
    {
      timeoutMs,
      intervalMs: 250,
      isRetryable: (error) => !(error instanceof EngineExited),
      onTimeout: (last) =>
        new Error(`not healthy after ${timeoutMs} ms (last: ${(last as Error | undefined)?.message})`),
    },
  );
}
