// The status a job controller writes, with the conditions, reasons and messages Kubernetes' own
// job controller uses (pkg/controller/job), so waitForJob reads the same thing from the test API
// server as from a cluster; and how a Job's end is read from it.
import type { V1Job, V1JobCondition, V1JobStatus } from '@kubernetes/client-node';

export type JobEnd =
  { type: 'Complete' } | { type: 'Failed'; reason: 'BackoffLimitExceeded' | 'DeadlineExceeded' };

const FAILED_MESSAGES = {
  BackoffLimitExceeded: 'Job has reached the specified backoff limit',
  DeadlineExceeded: 'Job was active longer than specified deadline',
};

export function finishedJobStatus(
  status: V1JobStatus,
  end: JobEnd,
  counts: { succeeded: number; failed: number },
): V1JobStatus {
  const now = new Date();
  const condition = (type: string, reason?: string, message?: string): V1JobCondition => ({
    type,
    status: 'True',
    reason,
    message,
    lastProbeTime: now,
    lastTransitionTime: now,
  });
  const conditions =
    end.type === 'Complete'
      ? [
          condition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods'),
          condition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods'),
        ]
      : [
          condition('FailureTarget', end.reason, FAILED_MESSAGES[end.reason]),
          condition('Failed', end.reason, FAILED_MESSAGES[end.reason]),
        ];
  return {
    ...status,
    active: 0,
    ready: 0,
    succeeded: counts.succeeded,
    failed: counts.failed,
    conditions: [...(status.conditions ?? []), ...conditions],
    ...(end.type === 'Complete' ? { completionTime: now } : {}),
  };
}

/** The condition that ended the job (Complete or Failed), or undefined while it runs. */
export function finishedCondition(job: V1Job): V1JobCondition | undefined {
  return job.status?.conditions?.find(
    (condition) =>
      (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True',
  );
}
