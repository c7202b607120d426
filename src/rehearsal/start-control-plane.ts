// A real Kubernetes control plane for one test suite or rehearsal: etcd, kube-apiserver and
// kube-controller-manager (built by scripts/k8s-build.sh) on free loopback ports, with a fresh PKI
// in a run directory under the system's temporary directory. stop() ends the processes by PID and
// removes the run directory; a failed start does the same before it throws.
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFreePort } from '../env/get-free-port.ts';
import {
  apiServerArgs,
  controllerManagerArgs,
  etcdArgs,
  type ControlPlanePorts,
} from './control-plane-args.ts';
import { writeKubeconfig } from './control-plane-kubeconfig.ts';
import { createControlPlanePki, type ControlPlanePki } from './control-plane-pki.ts';
import { startControlPlaneProcess, type ControlPlaneProcess } from './control-plane-process.ts';
import { waitForComponent } from './wait-for-component.ts';
import { tlsGet } from './tls-get.ts';

export interface ControlPlaneOptions {
  /** Directory of etcd, kube-apiserver and kube-controller-manager: what scripts/k8s-build.sh prints. */
  binDir: string;
  /** Limit of each component's wait; default 60 s. */
  startTimeoutMs?: number;
  signal?: AbortSignal;
}

export interface StartedControlPlane extends AsyncDisposable {
  /** An administrator's kubeconfig (client certificate in system:masters). */
  readonly kubeconfigPath: string;
  readonly context: string;
  readonly server: string;
  /** The CA certificate the API server's serving certificate is signed by. */
  readonly caCert: string;
  /** Its CA and certificates: a node's kubelet and scheduler get theirs from the same CA. */
  readonly pki: ControlPlanePki;
  /** The API server's /version gitVersion, e.g. v1.37.2. */
  readonly version: string;
  readonly runDir: string;
  readonly processes: readonly ControlPlaneProcess[];
  /** From the call to a control plane that answers and has its controllers running. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

export const REHEARSAL_CONTEXT = 'cdtn-drill-rehearsal';

export async function startControlPlane(options: ControlPlaneOptions): Promise<StartedControlPlane> {
  const started = performance.now();
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  const runDir = await mkdtemp(join(tmpdir(), 'cdtn-drill-k8s-'));
  const processes: ControlPlaneProcess[] = [];
  // A test runner that exits without calling stop() must not leave the control plane behind.
  const stopOnExit = (): void => {
    for (const child of processes) child.kill();
    rmSync(runDir, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      process.off('exit', stopOnExit);
      // the controller manager, then the API server, then etcd: each still has what it talks to
      for (const child of processes.toReversed()) await child.stop();
      await rm(runDir, { recursive: true, force: true });
    })());
  const run = (name: string, args: string[]): ControlPlaneProcess => {
    const child = startControlPlaneProcess(join(options.binDir, name), args, join(runDir, `${name}.log`));
    processes.push(child);
    return child;
  };

  try {
    const [pki, ports] = await Promise.all([createControlPlanePki(join(runDir, 'pki')), getPorts()]);
    const server = `https://127.0.0.1:${ports.apiServer}`;
    const admin = (path: string) => tlsGet(`${server}${path}`, pki.caCert, pki.admin);
    const wait = { timeoutMs, signal: options.signal };

    const etcd = run('etcd', etcdArgs(runDir, ports));
    const etcdHealth = `http://127.0.0.1:${ports.etcdClient}/health`;
    await waitForComponent(etcd, etcdHealth, wait, async () => {
      const response = await fetch(etcdHealth, { signal: AbortSignal.timeout(2_000) });
      return response.status === 200 && ((await response.json()) as { health?: string }).health === 'true';
    });
    const apiServer = run('kube-apiserver', apiServerArgs(pki, ports));
    await waitForComponent(
      apiServer,
      `${server}/readyz`,
      wait,
      async () => (await admin('/readyz')).status === 200,
    );

    const controllerManagerConfig = join(runDir, 'kube-controller-manager.kubeconfig');
    await writeKubeconfig(controllerManagerConfig, {
      server,
      caCert: pki.caCert,
      user: pki.controllerManager,
      context: 'kube-controller-manager',
    });
    const controllerManager = run(
      'kube-controller-manager',
      controllerManagerArgs(pki, controllerManagerConfig),
    );
    // Pods are admitted only once the serviceaccount controller has created their namespace's account.
    const defaultAccount = '/api/v1/namespaces/default/serviceaccounts/default';
    await waitForComponent(
      controllerManager,
      `${server}${defaultAccount}`,
      wait,
      async () => (await admin(defaultAccount)).status === 200,
    );

    const kubeconfigPath = join(runDir, 'admin.kubeconfig');
    await writeKubeconfig(kubeconfigPath, {
      server,
      caCert: pki.caCert,
      user: pki.admin,
      context: REHEARSAL_CONTEXT,
    });
    const version = (JSON.parse((await admin('/version')).body) as { gitVersion: string }).gitVersion;
    return {
      kubeconfigPath,
      context: REHEARSAL_CONTEXT,
      server,
      caCert: pki.caCert,
      pki,
      version,
      runDir,
      processes,
      startupMs: Math.round(performance.now() - started),
      stop,
      [Symbol.asyncDispose]: stop,
    };
  } catch (error) {
    await stop();
    throw new Error(
      `rehearsal: the Kubernetes control plane (${options.binDir}) did not start: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Three distinct free loopback ports (two probes in a row may be given the same one). */
async function getPorts(): Promise<ControlPlanePorts> {
  const ports = new Set<number>();
  while (ports.size < 3) ports.add(await getFreePort());
  const [etcdClient, etcdPeer, apiServer] = [...ports] as [number, number, number];
  return { etcdClient, etcdPeer, apiServer };
}
