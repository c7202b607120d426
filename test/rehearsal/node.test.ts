// A real node beside the control plane: it registers with the pinned kubelet and containerd, runs
// pods of locally built images (hostNetwork, as the rehearsal's), probes their readiness, serves
// their logs through the API server, completes a Job made from a CronJob by the real Job controller,
// and leaves nothing behind on stop, outside its directory included.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/env/index.ts';
import { LOCAL_IMAGES } from '../../src/env/images.ts';
import { runJobFromCronJob, type KubeClient } from '../../src/k8s/index.ts';
import { adminInNewNamespace, useControlPlane, useNode } from './fixtures.ts';

const controlPlane = useControlPlane();
const node = useNode(controlPlane, [LOCAL_IMAGES.base]);
const VERSIONS = join(import.meta.dirname, '../../images/k8s/versions.env');

async function pinned(name: string): Promise<string> {
  const found = new RegExp(`^${name}=(\\S+)$`, 'm').exec(await readFile(VERSIONS, 'utf8'))?.[1];
  if (found === undefined) throw new Error(`${VERSIONS} sets no ${name}`);
  return found;
}

function podOf(name: string, script: string, probeFile: string): V1Pod {
  return {
    metadata: { name },
    spec: {
      hostNetwork: true,
      terminationGracePeriodSeconds: 1,
      containers: [
        {
          name,
          image: LOCAL_IMAGES.base,
          imagePullPolicy: 'Never',
          command: ['sh', '-c', script],
          readinessProbe: { exec: { command: ['test', '-e', probeFile] }, periodSeconds: 1 },
        },
      ],
    },
  };
}

async function readPod(client: KubeClient, name: string): Promise<V1Pod> {
  return client.core.readNamespacedPod({ name, namespace: client.namespace });
}

const isReady = (pod: V1Pod) =>
  pod.status?.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True');

describe('startNode', () => {
  it('registers the node with the kubelet and containerd versions pinned in versions.env', async () => {
    const admin = await adminInNewNamespace(controlPlane());
    const { status } = await admin.core.readNode({ name: node().name });
    expect(status?.nodeInfo?.kubeletVersion).toBe(await pinned('KUBERNETES_VERSION'));
    expect(status?.nodeInfo?.containerRuntimeVersion).toBe(
      `containerd://${(await pinned('CONTAINERD_VERSION')).replace(/^v/, '')}`,
    );
  });

  it('starts within 60 s; control plane and node use less than 1.5 GiB', async ({ annotate }) => {
    const processes = [...controlPlane().processes, ...node().processes];
    const rss = processes.map((process) => {
      const kiB = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${process.pid}/status`, 'utf8'))?.[1];
      return { name: process.name, mib: Math.round(Number(kiB) / 1024) };
    });
    const total = rss.reduce((sum, { mib }) => sum + mib, 0);
    const figures = `node started in ${node().startupMs} ms; RSS ${rss.map(({ name, mib }) => `${name} ${mib} MiB`).join(', ')}; total ${total} MiB`;
    console.info(`rehearsal node: ${figures}`);
    await annotate(figures);
    expect(node().startupMs).toBeLessThan(60_000);
    expect(total).toBeLessThan(1536);
  });

  it('runs a pod of a local image: its readiness probe passes, its log is read through the API', async () => {
    const client = await adminInNewNamespace(controlPlane());
    const namespace = client.namespace;
    const script = 'echo "ready on $(hostname)"; touch /tmp/ready; exec sleep 600';
    await client.core.createNamespacedPod({ namespace, body: podOf('ready', script, '/tmp/ready') });
    // the same pod whose probe looks for a file never made: the probe is what makes a pod Ready
    await client.core.createNamespacedPod({ namespace, body: podOf('unready', script, '/tmp/never') });
    const ready = await pollUntil(
      async () => {
        const pod = await readPod(client, 'ready');
        if (!isReady(pod)) throw new Error(`pod ready: ${JSON.stringify(pod.status?.conditions)}`);
        return pod;
      },
      { timeoutMs: 90_000, intervalMs: 250, onTimeout: (last) => last as Error },
    );
    expect(ready.spec?.nodeName).toBe(node().name);
    expect(ready.status?.podIP, 'hostNetwork: the pod has the node address').toBe(node().address);
    const log = await client.core.readNamespacedPodLog({ name: 'ready', namespace });
    expect(log).toBe(`ready on ${hostname()}\n`);
    const unready = await readPod(client, 'unready');
    expect(unready.status?.phase).toBe('Running');
    expect(isReady(unready)).toBe(false);
  });

  it('completes a Job made from a CronJob through the real Job controller', async () => {
    const client = await adminInNewNamespace(controlPlane());
    const namespace = client.namespace;
    await client.batch.createNamespacedCronJob({
      namespace,
      body: {
        metadata: { name: 'nightly' },
        spec: {
          schedule: '0 1 * * *',
          jobTemplate: {
            spec: {
              backoffLimit: 0,
              template: {
                spec: {
                  hostNetwork: true,
                  restartPolicy: 'Never',
                  containers: [
                    {
                      name: 'job',
                      image: LOCAL_IMAGES.base,
                      imagePullPolicy: 'Never',
                      command: ['sh', '-c', 'echo "job ran as $0"', 'nightly'],
                    },
                  ],
                },
              },
            },
          },
        },
      },
    });
    const result = await runJobFromCronJob(client, {
      cronJob: 'nightly',
      jobName: 'nightly-manual',
      timeoutMs: 90_000,
      intervalMs: 250,
    });
    expect(result).toMatchObject({ name: 'nightly-manual', succeeded: 1, failed: 0 });
    const { items } = await client.core.listNamespacedPod({
      namespace,
      labelSelector: 'job-name=nightly-manual',
    });
    expect(items).toHaveLength(1);
    const log = await client.core.readNamespacedPodLog({ name: items[0]!.metadata!.name!, namespace });
    expect(log).toBe('job ran as nightly\n');
  });

  it('stops its processes and leaves nothing outside its directory', async () => {
    const started = node();
    const pids = started.processes.map((process) => process.pid);
    const dir = join(controlPlane().runDir, 'node');
    await started.stop();
    expect(pids.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
    const { stdout: shims } = await execa('pgrep', ['-f', `containerd-shim-runc-v2 .*${dir}`], {
      reject: false,
    });
    expect(shims).toBe('');
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .filter((line) => line.includes(dir));
    expect(mounts).toEqual([]);
    expect(existsSync('/run/containerd')).toBe(false);
    expect(existsSync('/var/lib/kubelet')).toBe(false);
    expect(existsSync('/sys/fs/cgroup/memory/kubepods')).toBe(false);
  });
});
