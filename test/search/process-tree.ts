// A started engine is a tree of processes (Elasticsearch: a CLI JVM and its server JVM): read it
// from /proc to measure its memory and to stop all of it, never anything it did not start.
import { readFile, readdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** The process and all its descendants, parent first. */
export async function listProcessTree(pid: number): Promise<number[]> {
  const tree = [pid];
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => []);
  for (const task of tasks) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    for (const child of children.split(' ').filter(Boolean))
      tree.push(...(await listProcessTree(Number(child))));
  }
  return tree;
}

/** Sum of VmRSS over the tree, in bytes. */
export async function getTreeRssBytes(pid: number): Promise<number> {
  let total = 0;
  for (const member of await listProcessTree(pid)) {
    const status = await readFile(`/proc/${member}/status`, 'utf8').catch(() => '');
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  }
  return total;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** SIGTERM to the root (it stops its own children), SIGKILL to whatever of the tree outlives `graceMs`. */
export async function stopProcessTree(pid: number, graceMs = 30_000): Promise<void> {
  const tree = await listProcessTree(pid);
  signal(pid, 'SIGTERM');
  const deadline = performance.now() + graceMs;
  while (tree.some(isAlive) && performance.now() < deadline) await sleep(100);
  for (const member of tree.filter(isAlive)) signal(member, 'SIGKILL');
}
