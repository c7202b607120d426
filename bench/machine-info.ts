// The machine the figures come from: cores, memory, CPU model, load when the bench started, Node,
// and pg_restore's version (the components' own versions are added by the parts that start them).
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { execa } from 'execa';
import type { MachineInfo } from './bench-results.ts';

export async function readMachineInfo(): Promise<MachineInfo> {
  const pgRestore = await execa('pg_restore', ['--version']).then(
    (result) => result.stdout.replace(/^pg_restore \(PostgreSQL\) /, '').trim(),
    (error: Error) => `unknown (${error.message})`,
  );
  return {
    nproc: os.availableParallelism(),
    memoryBytes: os.totalmem(),
    cpuModel: await readCpuModel(),
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    versions: { pg_restore: pgRestore },
  };
}

async function readCpuModel(): Promise<string> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const line = cpuinfo.split('\n').find((entry) => entry.startsWith('model name'));
  return line?.split(':').slice(1).join(':').trim() ?? os.cpus()[0]?.model ?? 'unknown';
}

/** The commit measured, marked when the work tree has uncommitted changes (a shared checkout). */
export async function readRevision(): Promise<string> {
  const git = (args: string[]) =>
    execa('git', args, { cwd: import.meta.dirname }).then((result) => result.stdout.trim());
  try {
    const commit = await git(['rev-parse', '--short', 'HEAD']);
    return (await git(['status', '--porcelain', '--untracked-files=no'])) === ''
      ? commit
      : `${commit}+changes`;
  } catch (error) {
    return `unknown (${(error as Error).message.split('\n')[0]})`;
  }
}
