// Waits for a Job to reach Complete or Failed (polling through the one poll helper, so the drill's
// role needs no `watch` on Jobs). A failed job's
// error carries the tail of its pod's log; the wait's own limit defaults to the job's
// activeDeadlineSeconds plus a margin.
import type { V1Job } from '@kubernetes/client-node';
import { pollUntil } from '../env/poll-until.ts';
import { finishedCondition } from './job-status.ts';
import { K8sError } from './k8s-error.ts';
import type { KubeClient } from './kube-client.ts';
import { getJobPodLogTail } from './pod-log-tail.ts';

export interface WaitForJobOptions {
  namespace?: string;
  /** Default: the job's activeDeadlineSeconds + 60 s; required when the job has none. */
  timeoutMs?: number;
  intervalMs?: number;
  /** How long the API server may stay unreachable before the wait gives up (default 2 min). */
  unreachableMs?: number;
  signal?: AbortSignal;
  logLines?: number;
}

export interface JobResult {
  name: string;
  namespace: string;
  succeeded: number;
  failed: number;
  startTime?: Date;
  completionTime?: Date;
}

const DEADLINE_MARGIN_MS = 60_000;
const UNREACHABLE_MS = 120_000;
/** Answers that will not change by waiting. */
const FATAL_STATUS = new Set([401, 403, 404]);

export async function waitForJob(
  client: KubeClient,
  name: string,
  options: WaitForJobOptions = {},
): Promise<JobResult> {
  const namespace = options.namespace ?? client.namespace;
  const read = () =>
    client.call({ verb: 'get', resource: 'jobs', group: 'batch', namespace, name }, () =>
      client.batch.readNamespacedJob({ name, namespace }),
    );
  const first = await read();
  const deadline = first.spec?.activeDeadlineSeconds;
  const timeoutMs =
    options.timeoutMs ?? (deadline === undefined ? undefined : deadline * 1000 + DEADLINE_MARGIN_MS);
  if (timeoutMs === undefined)
    throw new K8sError(
      `k8s: Job ${namespace}/${name} has no activeDeadlineSeconds; give the wait a timeoutMs`,
    );

  let last = first;
  let lastContact = performance.now();
  const unreachableMs = options.unreachableMs ?? UNREACHABLE_MS;
  const outcome = await pollUntil(
    async () => {
      try {
        last = await read();
        lastContact = performance.now();
      } catch (error) {
        if (!(error instanceof K8sError)) throw error;
        if (error.status !== undefined && FATAL_STATUS.has(error.status)) return { error };
        // no answer at all: give the API server a while, not the job's whole deadline
        if (error.status === undefined && performance.now() - lastContact > unreachableMs) return { error };
        throw error; // transient (5xx, a short network cut): try again until the limit
      }
      const condition = finishedCondition(last);
      if (condition === undefined)
        throw new K8sError(`k8s: Job ${namespace}/${name} is still running (${describeCounts(last)})`);
      return { condition };
    },
    {
      timeoutMs,
      intervalMs: options.intervalMs ?? 1_000,
      signal: options.signal,
      onTimeout: (lastError) =>
        new K8sError(
          `k8s: Job ${namespace}/${name} neither Complete nor Failed after ${timeoutMs} ms (${describeCounts(last)})`,
          { cause: lastError },
        ),
    },
  );
  if ('error' in outcome) throw outcome.error;
  if (outcome.condition.type === 'Complete') return result(last, namespace);

  const tail = await describeTail(client, name, namespace, options.logLines);
  const { reason, message } = outcome.condition;
  throw new K8sError(
    `k8s: Job ${namespace}/${name} failed: ${reason ?? 'no reason'}${message ? ` (${message})` : ''}; ` +
      `${describeCounts(last)}${tail}`,
  );
}

function describeCounts(job: V1Job): string {
  const status = job.status ?? {};
  return `active ${status.active ?? 0}, succeeded ${status.succeeded ?? 0}, failed ${status.failed ?? 0}, backoffLimit ${job.spec?.backoffLimit ?? 6}`;
}

/** The failed job's log tail for its error; a log that cannot be read is said, not thrown. */
async function describeTail(
  client: KubeClient,
  job: string,
  namespace: string,
  lines?: number,
): Promise<string> {
  try {
    const tail = await getJobPodLogTail(client, job, { namespace, lines });
    if (tail === undefined) return '; no pod found by its job-name label';
    if (tail.lines.length === 0)
      return `; pod ${tail.pod} has no log (it ran on no node, or its node is gone)`;
    return `; last ${tail.lines.length} log lines of pod ${tail.pod}:\n${tail.lines.join('\n')}`;
  } catch (error) {
    return `; its pod's log could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function result(job: V1Job, namespace: string): JobResult {
  return {
    name: job.metadata?.name ?? '',
    namespace,
    succeeded: job.status?.succeeded ?? 0,
    failed: job.status?.failed ?? 0,
    startTime: job.status?.startTime,
    completionTime: job.status?.completionTime,
  };
}
