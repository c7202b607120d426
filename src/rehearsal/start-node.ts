// A real node beside a rehearsal control plane: containerd (scripts/node-build.sh), the kubelet and
// kube-scheduler (scripts/k8s-build.sh), all state under <control plane run dir>/node, registered
// with a client certificate of the control plane's CA. Local Podman images are imported so that
// pods run them (imagePullPolicy Never). stop() ends the processes by PID, removes the pods through
// the CRI and what the node left outside its directory (node-cleanup.ts); a failed start does the
// same before it throws.
import { mkdir, writeFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { execa } from 'execa';
import { LOCAL_IMAGES } from '../env/images.ts';
import { getFreePort } from '../env/get-free-port.ts';
import { loadKubeClient } from '../k8s/index.ts';
import { writeKubeconfig } from './control-plane-kubeconfig.ts';
import { issueClientCertificate } from './control-plane-pki.ts';
import { startControlPlaneProcess, type ControlPlaneProcess } from './control-plane-process.ts';
import { listCniNetns, removeNodeLeftovers, removePods } from './node-cleanup.ts';
import {
  cniConfDir,
  cniConfig,
  containerdConfig,
  containerdSocket,
  kubeletArgs,
  kubeletConfig,
  schedulerArgs,
  type NodeLayout,
} from './node-config.ts';
import { importImages, tagImage } from './node-images.ts';
import type { StartedControlPlane } from './start-control-plane.ts';
import { waitForComponent } from './wait-for-component.ts';

export interface NodeOptions {
  controlPlane: StartedControlPlane;
  /** kubelet and kube-scheduler: what scripts/k8s-build.sh prints. */
  kubernetesBinDir: string;
  /** containerd, its shim, ctr and crictl: what scripts/node-build.sh prints. */
  runtimeBinDir: string;
  /** Local images the pods run, imported at start (the sandbox image always is). */
  images?: readonly string[];
  /** Limit of each component's wait; default 120 s. */
  startTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface StartedNode extends AsyncDisposable {
  readonly name: string;
  /** The host address the kubelet registers: where hostNetwork pods listen too. */
  readonly address: string;
  readonly processes: readonly ControlPlaneProcess[];
  /** From the call to a Ready, untainted node. */
  readonly startupMs: number;
  importImages(images: readonly string[]): Promise<void>;
  /** Gives an imported image another name, e.g. production's image at the tag a check expects. */
  tagImage(source: string, target: string): Promise<void>;
  stop(): Promise<void>;
}

export const REHEARSAL_NODE = 'cdtn-drill-node';
const RUNC = '/usr/sbin/runc';
const CNI_BIN_DIR = '/usr/lib/cni';

export async function startNode(options: NodeOptions): Promise<StartedNode> {
  const started = performance.now();
  const { controlPlane } = options;
  const bridgeSuffix = (process.pid % 65_536).toString(16);
  const node: NodeLayout = {
    dir: join(controlPlane.runDir, 'node'),
    name: REHEARSAL_NODE,
    address: await hostAddress(),
    kubeletPort: await getFreePort(),
    bridge: `cdtn${bridgeSuffix}`,
    podCidr: `10.244.${process.pid % 256}.0/24`,
    sandboxImage: LOCAL_IMAGES.pause,
    runc: RUNC,
    cniBinDir: CNI_BIN_DIR,
  };
  const tools = { crictl: join(options.runtimeBinDir, 'crictl'), ctr: join(options.runtimeBinDir, 'ctr') };
  const netnsBefore = new Set(listCniNetns());
  const processes: ControlPlaneProcess[] = [];
  // A process that exits without stop() (a crash) still removes what the node left outside its directory.
  const killOnExit = (): void => {
    processes.forEach((child) => child.kill());
    removeNodeLeftovers(node, netnsBefore);
  };
  // before the control plane's own exit handler, which removes the run directory these mounts are in
  process.prependOnceListener('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      const [containerd, ...others] = processes;
      for (const child of others.toReversed()) await child.stop();
      if (containerd?.exit === undefined) await removePods(node, tools);
      await containerd?.stop();
      removeNodeLeftovers(node, netnsBefore);
    })());
  const run = (binary: string, args: string[]): ControlPlaneProcess => {
    const child = startControlPlaneProcess(binary, args, join(node.dir, `${binary.split('/').at(-1)}.log`));
    processes.push(child);
    return child;
  };
  const load = (images: readonly string[]) =>
    importImages(images, tools.ctr, containerdSocket(node), node.dir);

  try {
    const wait = { timeoutMs: options.startTimeoutMs ?? 120_000, signal: options.signal };
    const paths = await writeNodeFiles(node, controlPlane);
    // containerd finds its shim next to itself
    const containerd = run(join(options.runtimeBinDir, 'containerd'), ['--config', paths.containerdConfig]);
    await waitForComponent(containerd, containerdSocket(node), wait, async () => {
      const answered = await execa(tools.ctr, ['--address', containerdSocket(node), 'version'], {
        reject: false,
      });
      return answered.exitCode === 0;
    });
    await load([LOCAL_IMAGES.pause, ...(options.images ?? [])]);
    const kubelet = run(
      join(options.kubernetesBinDir, 'kubelet'),
      kubeletArgs(node, paths.kubeletConfig, paths.kubeletKubeconfig),
    );
    run(join(options.kubernetesBinDir, 'kube-scheduler'), schedulerArgs(paths.schedulerKubeconfig));
    const admin = loadKubeClient({ kubeconfigPath: controlPlane.kubeconfigPath });
    // Ready, then untainted by the node-lifecycle controller: only then is anything scheduled on it
    await waitForComponent(kubelet, `node ${node.name} Ready and schedulable`, wait, async () => {
      const found = await admin.core.readNode({ name: node.name }).catch(() => undefined);
      const ready = found?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      return (
        ready === true && !(found?.spec?.taints ?? []).some((t) => t.key === 'node.kubernetes.io/not-ready')
      );
    });
    return {
      name: node.name,
      address: node.address,
      processes,
      startupMs: Math.round(performance.now() - started),
      importImages: load,
      tagImage: (source, target) => tagImage(tools.ctr, containerdSocket(node), source, target),
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (error) {
    await stop();
    throw new Error(`rehearsal: the node ${node.name} did not start: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

async function writeNodeFiles(node: NodeLayout, controlPlane: StartedControlPlane) {
  const { pki, server } = controlPlane;
  await mkdir(cniConfDir(node), { recursive: true });
  await mkdir(join(node.dir, 'containerd'), { recursive: true });
  const [kubelet, scheduler] = await Promise.all([
    issueClientCertificate(pki, node.dir, 'kubelet', `/O=system:nodes/CN=system:node:${node.name}`),
    issueClientCertificate(pki, node.dir, 'kube-scheduler', '/CN=system:kube-scheduler'),
  ]);
  const paths = {
    containerdConfig: join(node.dir, 'containerd/config.toml'),
    kubeletConfig: join(node.dir, 'kubelet-config.yaml'),
    kubeletKubeconfig: join(node.dir, 'kubelet.kubeconfig'),
    schedulerKubeconfig: join(node.dir, 'kube-scheduler.kubeconfig'),
  };
  await Promise.all([
    writeFile(paths.containerdConfig, containerdConfig(node)),
    writeFile(join(cniConfDir(node), `10-${node.bridge}.conflist`), cniConfig(node)),
    writeFile(paths.kubeletConfig, kubeletConfig(node, pki.caCert)),
    writeKubeconfig(paths.kubeletKubeconfig, {
      server,
      caCert: pki.caCert,
      user: kubelet,
      context: 'kubelet',
    }),
    writeKubeconfig(paths.schedulerKubeconfig, {
      server,
      caCert: pki.caCert,
      user: scheduler,
      context: 'kube-scheduler',
    }),
  ]);
  // The API server authorizes with RBAC only (no Node authorizer): the kubelet gets the bootstrap
  // ClusterRole system:node, which production's node authorizer narrows further.
  const rbac = loadKubeClient({ kubeconfigPath: controlPlane.kubeconfigPath }).config.makeApiClient(
    RbacAuthorizationV1Api,
  );
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name: `cdtn-drill:node:${node.name}` },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:node' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: `system:node:${node.name}` }],
    },
  });
  return paths;
}

/** The IPv4 address of the interface of the default route: the host's own address. */
async function hostAddress(): Promise<string> {
  const { stdout } = await execa('ip', ['-json', '-4', 'route', 'show', 'default']);
  const device = (JSON.parse(stdout) as { dev?: string }[])[0]?.dev;
  const found = networkInterfaces()[device ?? '']?.find((address) => address.family === 'IPv4');
  if (found === undefined)
    throw new Error(`rehearsal node: no IPv4 address on ${device ?? '(no default route)'} for the kubelet`);
  return found.address;
}
