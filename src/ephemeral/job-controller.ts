// A job controller for an API server without one (the test API server, the ephemeral drill): it
// polls the namespace's Jobs, and for each new one plays the controller and the kubelet: creates a
// pod per attempt (labelled as Kubernetes labels them, its output kept where the test API server
// serves pod logs from), runs the given work, retries up to backoffLimit, enforces
// activeDeadlineSeconds, then writes the Job's status. Real pods are never started.
import type { V1Job } from '@kubernetes/client-node';
import { createJobPod, finishJobPod } from '../k8s/job-pods.ts';
import { finishedJobStatus, type JobEnd } from '../k8s/job-status.ts';
import { K8sError } from '../k8s/k8s-error.ts';
import { loadKubeClient, type KubeClient } from '../k8s/kube-client.ts';

const LOG_LINES_KEPT = 1_000;

export interface JobWorkContext {
  /** A line of the pod's log. */
  log(line: string): void;
  /** Aborted at the job's deadline or when the controller stops. */
  signal: AbortSignal;
  attempt: number;
}

export interface JobControllerOptions {
  /** Path of the kubeconfig. */
  kubeconfig: string;
  namespace: string;
  run: (job: V1Job, context: JobWorkContext) => Promise<void>;
  intervalMs?: number;
}

export interface JobController {
  /** Errors met while playing the controller (the jobs concerned stay unfinished). */
  readonly errors: Error[];
  stop(): Promise<void>;
}

export async function startJobController(options: JobControllerOptions): Promise<JobController> {
  const client = loadKubeClient({ kubeconfigPath: options.kubeconfig, namespace: options.namespace });
  const stopping = new AbortController();
  const seen = new Set<string>();
  const running = new Set<Promise<void>>();
  const errors: Error[] = [];
  const record = (error: unknown): void => {
    errors.push(error instanceof Error ? error : new Error(String(error)));
  };

  const poll = async () => {
    const jobs = await client.call(
      { verb: 'list', resource: 'jobs', group: 'batch', namespace: options.namespace },
      () => client.batch.listNamespacedJob({ namespace: options.namespace }),
    );
    for (const job of jobs.items) {
      const uid = job.metadata?.uid;
      if (uid === undefined || seen.has(uid) || job.status?.startTime !== undefined) continue;
      seen.add(uid);
      const handled = handleJob(client, job, options.run, stopping.signal).catch(record);
      running.add(handled);
      void handled.finally(() => running.delete(handled));
    }
  };
  // the first listing fails loudly (wrong kubeconfig); later ones are retried at the next tick
  await poll();
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    timer = setTimeout(
      () =>
        void poll()
          .catch(record)
          .finally(() => stopping.signal.aborted || loop()),
      options.intervalMs ?? 200,
    );
  };
  loop();

  return {
    errors,
    async stop() {
      stopping.abort(new K8sError('job controller stopped'));
      clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}

async function handleJob(
  client: KubeClient,
  job: V1Job,
  run: JobControllerOptions['run'],
  stopping: AbortSignal,
): Promise<void> {
  const name = job.metadata?.name ?? '';
  const backoffLimit = job.spec?.backoffLimit ?? 6;
  const deadlineSeconds = job.spec?.activeDeadlineSeconds;
  const deadline = AbortSignal.any([
    stopping,
    ...(deadlineSeconds === undefined ? [] : [AbortSignal.timeout(deadlineSeconds * 1000)]),
  ]);
  await updateJobStatus(client, name, (status) => ({
    ...status,
    startTime: new Date(),
    active: 1,
    ready: 0,
  }));

  let failed = 0;
  for (let attempt = 1; ; attempt++) {
    const pod = await createJobPod(client, job);
    const lines: string[] = [];
    const log = (line: string) => {
      lines.push(...line.split('\n'));
      if (lines.length > LOG_LINES_KEPT) lines.splice(0, lines.length - LOG_LINES_KEPT);
    };
    const ok = await runUntil(() => run(job, { log, signal: deadline, attempt }), deadline).then(
      () => true,
      (error: unknown) => {
        log(error instanceof Error ? (error.stack ?? error.message) : String(error));
        return false;
      },
    );
    await finishJobPod(client, pod, ok, lines);
    if (stopping.aborted) return;
    if (!ok) failed++;
    const end: JobEnd | undefined = ok
      ? { type: 'Complete' }
      : deadline.aborted
        ? { type: 'Failed', reason: 'DeadlineExceeded' }
        : failed > backoffLimit
          ? { type: 'Failed', reason: 'BackoffLimitExceeded' }
          : undefined;
    if (end !== undefined) {
      await updateJobStatus(client, name, (status) =>
        finishedJobStatus(status, end, { succeeded: ok ? 1 : 0, failed }),
      );
      return;
    }
    await updateJobStatus(client, name, (status) => ({ ...status, failed }));
  }
}

/** The work's outcome, or a rejection as soon as the signal aborts (work that ignores it runs on, unobserved). */
function runUntil(work: () => Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () =>
      reject(signal.reason instanceof Error ? signal.reason : new Error('deadline exceeded'));
    signal.addEventListener('abort', onAbort, { once: true });
    work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function updateJobStatus(
  client: KubeClient,
  name: string,
  change: (status: NonNullable<V1Job['status']>) => V1Job['status'],
): Promise<void> {
  const namespace = client.namespace;
  const job = await client.call({ verb: 'get', resource: 'jobs', group: 'batch', namespace, name }, () =>
    client.batch.readNamespacedJob({ name, namespace }),
  );
  const body = { ...job, status: change(job.status ?? {}) };
  await client.call({ verb: 'update', resource: 'jobs/status', group: 'batch', namespace, name }, () =>
    client.batch.replaceNamespacedJobStatus({ name, namespace, body }),
  );
}
