// What a rehearsal node leaves outside its processes, removed when it stops: its pods (through the
// CRI, so that the CNI plugins remove their network namespaces, addresses and NAT rules), the runc
// shims of its containerd, the mounts under its directory, its bridge, the kubelet's cgroups and
// the fixed paths the kubelet and containerd use whatever their configuration says.
import { readdirSync, readFileSync, readlinkSync, rmSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { execa } from 'execa';
import type { NodeLayout } from './node-config.ts';
import { containerdSocket } from './node-config.ts';

export interface NodeTools {
  crictl: string;
  ctr: string;
}

/** While containerd still runs: every pod sandbox stopped and removed, every task killed. */
export async function removePods(node: NodeLayout, tools: NodeTools): Promise<void> {
  const socket = containerdSocket(node);
  const crictl = (...args: string[]) =>
    execa(tools.crictl, ['--runtime-endpoint', `unix://${socket}`, '--timeout', '20s', ...args], {
      reject: false,
    });
  const pods = (await crictl('pods', '--quiet')).stdout.split('\n').filter(Boolean);
  if (pods.length > 0) {
    await crictl('stopp', ...pods);
    await crictl('rmp', '--force', ...pods);
  }
  const ctr = (...args: string[]) =>
    execa(tools.ctr, ['--address', socket, '--namespace', 'k8s.io', ...args], { reject: false });
  const tasks = (await ctr('tasks', 'ls', '--quiet')).stdout.split('\n').filter(Boolean);
  for (const task of tasks) await ctr('tasks', 'kill', '--signal', 'SIGKILL', task);
  for (const task of tasks) await ctr('tasks', 'rm', '--force', task);
}

/**
 * After containerd has stopped: what is left of the node outside its directory, and its mounts.
 * Synchronous, so that the exit of the process that started the node can run it too.
 */
export function removeNodeLeftovers(node: NodeLayout, netnsBefore: ReadonlySet<string>): void {
  const run = (command: string, args: string[]) => {
    try {
      execFileSync(command, args, { stdio: 'ignore' });
    } catch {
      // already gone: nothing to undo
    }
  };
  killShims(containerdSocket(node));
  // deepest first: a container's rootfs is mounted under its sandbox's
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((path) => path.startsWith(`${node.dir}/`))
    .sort()
    .reverse();
  for (const mount of mounts) run('umount', ['--lazy', mount]);
  for (const netns of listCniNetns()) {
    if (netnsBefore.has(netns)) continue;
    run('umount', ['--lazy', netns]);
    rmSync(netns, { force: true });
  }
  run('ip', ['link', 'delete', node.bridge]);
  for (const hierarchy of readdirSync('/sys/fs/cgroup'))
    removeTree(join('/sys/fs/cgroup', hierarchy, 'kubepods'));
  // the kubelet's legacy log links are in a fixed directory: only those into this node go
  for (const link of safeList('/var/log/containers')) {
    const path = join('/var/log/containers', link);
    if (safeReadlink(path).startsWith(`${node.dir}/`)) rmSync(path, { force: true });
  }
  for (const socket of ['device-plugins/kubelet.sock', 'pod-resources/kubelet.sock'])
    rmSync(join('/var/lib/kubelet', socket), { force: true });
  // only emptied directories go: another runtime may use them
  for (const dir of [
    '/var/log/containers',
    '/var/lib/kubelet/device-plugins',
    '/var/lib/kubelet/pod-resources',
    '/var/lib/kubelet',
    '/run/containerd/s',
    '/run/containerd/fifo',
    '/run/containerd',
  ])
    removeIfEmpty(dir);
}

export function listCniNetns(): string[] {
  return safeList('/var/run/netns')
    .filter((name) => name.startsWith('cni-'))
    .map((name) => join('/var/run/netns', name));
}

/**
 * Shims outlive containerd by design; those given this node's socket are its own. A killed shim
 * leaves its socket under /run/containerd/s: the sockets it listens on are removed with it.
 */
function killShims(socket: string): void {
  for (const pid of safeList('/proc').filter((name) => /^\d+$/.test(name))) {
    let words: string[];
    try {
      words = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const isShim = words[0]?.endsWith('containerd-shim-runc-v2') ?? false;
    if (!isShim || words[words.indexOf('-address') + 1] !== socket) continue;
    const sockets = listeningSockets(pid);
    process.kill(Number(pid), 'SIGKILL');
    for (const path of sockets) rmSync(path, { force: true });
  }
}

/** The paths of the unix sockets a process holds open, from its fds and /proc/net/unix. */
function listeningSockets(pid: string): string[] {
  const inodes = new Set(
    safeList(`/proc/${pid}/fd`).flatMap(
      (fd) => /^socket:\[(\d+)\]$/.exec(safeReadlink(`/proc/${pid}/fd/${fd}`))?.[1] ?? [],
    ),
  );
  return readFileSync('/proc/net/unix', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => inodes.has(fields[6] ?? '') && fields[7]?.startsWith('/run/containerd/s/'))
    .map((fields) => fields[7]!);
}

/** rmdir leaf first (a cgroup directory cannot be removed with rm -r); busy ones stay. */
function removeTree(dir: string): void {
  for (const entry of safeList(dir, true)) removeTree(join(dir, entry));
  removeIfEmpty(dir);
}

function removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // absent, not empty or busy: not ours to remove
  }
}

function safeList(dir: string, directoriesOnly = false): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => !directoriesOnly || entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

function safeReadlink(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}
