// scripts/podman-teardown.sh leaves the machine as it found it: it removes the containers of its
// own session only, and signals a PID from the pidfile only while it is still the podman service.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { labelsOfService } from '../../src/env/container-runtime.ts';
import { LOCAL_IMAGES } from '../../src/env/images.ts';

const TEARDOWN = join(import.meta.dirname, '..', '..', 'scripts', 'podman-teardown.sh');
const started: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  if (started.length > 0)
    await execa('podman', ['rm', '-f', '-t', '0', ...started.splice(0)], { reject: false });
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function runContainer(labels: Record<string, string>): Promise<string> {
  const flags = Object.entries(labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]);
  const { stdout } = await execa('podman', ['run', '-d', ...flags, LOCAL_IMAGES.base, 'sleep', '600']);
  started.push(stdout.trim());
  return stdout.trim();
}

async function isRunning(id: string): Promise<boolean> {
  const { stdout } = await execa('podman', ['ps', '-q', '--no-trunc', '--filter', `id=${id}`]);
  return stdout.trim() !== '';
}

/** A cache directory whose pidfile names a child started with these arguments (given its socket). */
function spawnBehindPidfile(args: (socket: string) => string[]): { child: ChildProcess; cache: string } {
  const cache = mkdtempSync(join(tmpdir(), 'drill-teardown-'));
  mkdirSync(join(cache, 'podman'));
  const socket = join(cache, 'podman', 'podman.sock');
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ...args(socket)], {
    stdio: 'ignore',
  });
  children.push(child);
  writeFileSync(join(cache, 'podman', 'podman.pid'), `${child.pid}\n`);
  return { child, cache };
}

describe('podman-teardown.sh', () => {
  it('removes the containers of its session and leaves another labelled container running', async () => {
    const session = `teardown-test-${process.pid}`;
    const unrelated = await runContainer({ 'org.testcontainers': 'true' });
    const other = await runContainer({
      'org.testcontainers': 'true',
      'org.cdtn-drill.session': 'someone-else',
    });
    process.env.DRILL_SESSION = session;
    const ours = await runContainer({
      'org.testcontainers': 'true',
      ...labelsOfService('run-1', 'postgres'),
    });
    delete process.env.DRILL_SESSION;

    const result = await execa(TEARDOWN, ['--session', session], { reject: false });

    expect(result.exitCode, result.stderr).toBe(0);
    expect(await isRunning(ours)).toBe(false);
    expect(await isRunning(unrelated)).toBe(true);
    expect(await isRunning(other)).toBe(true);
  });

  it('does not signal a PID from the pidfile that is not the podman service', async () => {
    const { child, cache } = spawnBehindPidfile(() => []);

    const result = await execa(TEARDOWN, [], { reject: false, env: { DRILL_CACHE_DIR: cache } });

    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain(`PID ${child.pid} is not the podman service`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull();
    expect(child.signalCode).toBeNull();
  });

  it('stops the process of the pidfile when it is the podman service on its socket', async () => {
    const { child, cache } = spawnBehindPidfile((socket) => [
      'system',
      'service',
      '--time=0',
      `unix://${socket}`,
    ]);

    const exited = once(child, 'exit');
    const result = await execa(TEARDOWN, [], { reject: false, env: { DRILL_CACHE_DIR: cache } });

    expect(result.exitCode, result.stderr).toBe(0);
    expect(await exited).toEqual([null, 'SIGTERM']);
  });
});
