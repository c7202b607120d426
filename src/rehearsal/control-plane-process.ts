// One binary of the control plane run as a child process: its output goes to a log file in the run
// directory, and stop() signals its PID only while /proc/<pid>/cmdline is still the command it
// started (a PID can be reused once the process is gone). It is started through setpriv
// (util-linux), which execs it with a parent-death signal: should the process that started it be
// killed outright, it is killed too (its data are throwaway) rather than living on.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export interface ControlPlaneProcess {
  readonly name: string;
  readonly pid: number;
  readonly logPath: string;
  /** The exit code or signal, once the process has ended. */
  readonly exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  readLastLogLines(count?: number): Promise<string[]>;
  /** SIGTERM, then SIGKILL after the grace period; resolves when the process has ended. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL at once, synchronously (for process exit, when nothing can be awaited). */
  kill(): void;
}

const STOP_GRACE_MS = 10_000;

export function startControlPlaneProcess(
  binary: string,
  args: string[],
  logPath: string,
): ControlPlaneProcess {
  const command = [binary, ...args];
  const launcher = ['setpriv', '--pdeathsig', 'KILL', '--'];
  const log = openSync(logPath, 'a');
  // its own process group: a Ctrl-C at the terminal reaches the process that started it, whose
  // stop() then ends the components in order (containerd before its pods are removed would leak them)
  const child = spawn(launcher[0] as string, [...launcher.slice(1), ...command], {
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`${binary} did not start: cannot run setpriv (util-linux)`);
  const pid = child.pid;
  // setpriv execs the binary under the same PID: the command line is setpriv's, then the binary's
  const cmdlines = [[...launcher, ...command], command].map((words) => words.join('\0') + '\0');
  let exit: ControlPlaneProcess['exit'];
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    }),
  );
  // Spawn errors (ENOENT, EACCES) arrive as an event; the exit that follows reports them.
  child.once('error', () => undefined);
  const isStillOurs = (): boolean => {
    if (exit !== undefined) return false;
    try {
      return cmdlines.includes(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  };
  const signal = (name: NodeJS.Signals): void => {
    if (isStillOurs()) process.kill(pid, name);
  };
  return {
    name: basename(binary),
    pid,
    logPath,
    get exit() {
      return exit;
    },
    async readLastLogLines(count = 20) {
      const text = await readFile(logPath, 'utf8').catch(() => '');
      return text.trimEnd().split('\n').slice(-count);
    },
    async stop(graceMs = STOP_GRACE_MS) {
      if (!isStillOurs()) return;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    kill: () => signal('SIGKILL'),
  };
}
