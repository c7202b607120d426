// The control plane itself: it answers with the pinned version, starts in seconds within a memory
// budget, stop() leaves no process and no run directory, neither does a killed runner leave a
// process, and a component that dies fails the start with its own log lines.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VersionApi } from '@kubernetes/client-node';
import { describe, expect, inject, it } from 'vitest';
import { pollUntil } from '../../src/env/index.ts';
import { loadKubeConfig } from '../../src/k8s/index.ts';
import { startControlPlane, type StartedControlPlane } from '../../src/rehearsal/index.ts';
import { useControlPlane } from './fixtures.ts';

const controlPlane = useControlPlane();
const VERSIONS = join(import.meta.dirname, '../../images/k8s/versions.env');
const RUNNER = join(import.meta.dirname, 'start-control-plane-and-wait.ts');

async function pinnedVersion(): Promise<string> {
  const pinned = /^KUBERNETES_VERSION=(\S+)$/m.exec(await readFile(VERSIONS, 'utf8'))?.[1];
  if (pinned === undefined) throw new Error(`${VERSIONS} sets no KUBERNETES_VERSION`);
  return pinned;
}

function rssMiB(pid: number): number {
  const kiB = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kiB) / 1024);
}

/** Running: it exists and is not a zombie (an orphan's exit may wait for init to reap it). */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

describe('startControlPlane', () => {
  it('answers /version with the version pinned in images/k8s/versions.env', async () => {
    const config = loadKubeConfig({ kubeconfigPath: controlPlane().kubeconfigPath });
    const answered = await config.makeApiClient(VersionApi).getCode();
    expect(answered.gitVersion).toBe(await pinnedVersion());
    expect(controlPlane().version).toBe(answered.gitVersion);
  });

  it('starts within 30 s and its three processes use less than 1 GiB', async ({ annotate }) => {
    const { processes, startupMs } = controlPlane();
    const rss = processes.map((process) => ({ name: process.name, mib: rssMiB(process.pid) }));
    const total = rss.reduce((sum, { mib }) => sum + mib, 0);
    const figures = `started in ${startupMs} ms; RSS ${rss.map(({ name, mib }) => `${name} ${mib} MiB`).join(', ')}; total ${total} MiB`;
    console.info(`control plane: ${figures}`);
    await annotate(figures);
    expect(processes.map((process) => process.name)).toEqual([
      'etcd',
      'kube-apiserver',
      'kube-controller-manager',
    ]);
    expect(startupMs).toBeLessThan(30_000);
    expect(total).toBeLessThan(1024);
  });

  it('stops every process it started and removes its run directory at the end of `await using`', async () => {
    let stopped: StartedControlPlane;
    {
      await using started = await startControlPlane({ binDir: inject('kubernetesBinDir') });
      stopped = started;
      expect(started.processes.map((process) => isAlive(process.pid))).toEqual([true, true, true]);
      expect(existsSync(started.runDir)).toBe(true);
    }
    expect(stopped.processes.map((process) => isAlive(process.pid))).toEqual([false, false, false]);
    expect(stopped.processes.every((process) => process.exit !== undefined)).toBe(true);
    expect(existsSync(stopped.runDir)).toBe(false);
  });

  it('leaves no component running when the process that started it is killed with SIGKILL', async () => {
    const runner = spawn(process.execPath, [RUNNER, inject('kubernetesBinDir')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = (await once(createInterface({ input: runner.stdout }), 'line')) as [string];
    const { pids, runDir } = JSON.parse(line) as { pids: number[]; runDir: string };
    try {
      expect(pids.map(isAlive)).toEqual([true, true, true]);
      runner.kill('SIGKILL');
      await pollUntil(
        async () => {
          if (pids.some(isAlive)) throw new Error(`still running: ${pids.filter(isAlive).join(', ')}`);
        },
        {
          timeoutMs: 20_000,
          onTimeout: (last) => new Error('components outlived their runner', { cause: last }),
        },
      );
    } finally {
      runner.kill('SIGKILL');
      // what the killed runner could not remove
      await rm(runDir, { recursive: true, force: true });
    }
  });

  it('fails a start whose etcd exits, quoting its log, and removes the run directory', async () => {
    const binDir = await mkdtemp(join(tmpdir(), 'rehearsal-bin-'));
    const runParent = await mkdtemp(join(tmpdir(), 'rehearsal-tmp-'));
    const savedTmpdir = process.env.TMPDIR;
    try {
      await writeFile(
        join(binDir, 'etcd'),
        '#!/bin/sh\necho "etcd: no space left on the test device" >&2\nexit 3\n',
      );
      await chmod(join(binDir, 'etcd'), 0o755);
      process.env.TMPDIR = runParent;
      const start = startControlPlane({ binDir, startTimeoutMs: 10_000 });
      await expect(start).rejects.toThrow(
        /etcd exited \(code 3\)[\s\S]*etcd: no space left on the test device/,
      );
      expect(await readdir(runParent)).toEqual([]);
    } finally {
      if (savedTmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmpdir;
      await rm(binDir, { recursive: true, force: true });
      await rm(runParent, { recursive: true, force: true });
    }
  });
});
