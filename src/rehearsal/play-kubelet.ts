// A control plane without a node runs no pod: the pods the real controllers create stay Pending.
// This plays the kubelet's part through the API, and only that part: it writes pods/status, as a
// kubelet reports a container that ran to its end or became ready. The Job's conditions and a
// Deployment's counts still come from the real Job, ReplicaSet and Deployment controllers. The real
// node (containerd + kubelet) replaces it where one can start.
import type { V1Pod, V1PodCondition } from '@kubernetes/client-node';
import type { KubeClient } from '../k8s/index.ts';

/** Succeeded or Failed: the container ran to its end; Ready: it runs and passes its readiness probe. */
export type PodOutcome = 'Succeeded' | 'Failed' | 'Ready';

export interface KubeletStandIn {
  /** The pods given an outcome, in the order they were. */
  readonly pods: readonly V1Pod[];
  stop(): Promise<void>;
}

export interface PlayKubeletOptions {
  labelSelector: string;
  /** The outcome of the n-th pod seen (0-based); undefined leaves it Pending. */
  decide: (pod: V1Pod, index: number) => PodOutcome | undefined;
  intervalMs?: number;
}

/** Until stopped, gives each new pod of the client's namespace that matches the selector its outcome. */
export function playKubelet(client: KubeClient, options: PlayKubeletOptions): KubeletStandIn {
  const pods: V1Pod[] = [];
  const done = new Set<string>();
  let stopped = false;
  const tick = async (): Promise<void> => {
    const { namespace } = client;
    const list = await client.core.listNamespacedPod({ namespace, labelSelector: options.labelSelector });
    for (const pod of list.items) {
      const uid = pod.metadata?.uid ?? '';
      if (done.has(uid) || pod.metadata?.deletionTimestamp !== undefined) continue;
      const outcome = options.decide(pod, pods.length);
      if (outcome === undefined) continue;
      await setPodStatus(client, pod, outcome);
      done.add(uid);
      pods.push(pod);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      // a conflict (a controller updated the pod meanwhile) or a pod gone: tried again next tick
      await tick().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
    }
  })();
  return {
    pods,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** Writes the status a kubelet would report for the outcome (the pod's own status otherwise kept). */
async function setPodStatus(client: KubeClient, pod: V1Pod, outcome: PodOutcome): Promise<V1Pod> {
  const now = new Date();
  const condition = (type: string, status: boolean): V1PodCondition => ({
    type,
    status: status ? 'True' : 'False',
    lastTransitionTime: now,
  });
  const ready = outcome === 'Ready';
  const containers = pod.spec?.containers ?? [];
  const status = {
    ...pod.status,
    phase: ready ? 'Running' : outcome,
    startTime: pod.status?.startTime ?? now,
    conditions: [condition('Ready', ready), condition('ContainersReady', ready)],
    containerStatuses: containers.map((container) => ({
      name: container.name,
      image: container.image ?? '',
      imageID: '',
      ready,
      restartCount: 0,
      state: ready
        ? { running: { startedAt: now } }
        : { terminated: { exitCode: outcome === 'Succeeded' ? 0 : 1, startedAt: now, finishedAt: now } },
    })),
  };
  const name = pod.metadata?.name ?? '';
  return client.core.replaceNamespacedPodStatus({
    name,
    namespace: client.namespace,
    body: { ...pod, status },
  });
}
