// How a Job's end is read from its status: the Complete or Failed condition that Kubernetes' Job
// controller (pkg/controller/job) sets.
import type { V1Job, V1JobCondition } from '@kubernetes/client-node';

/** The condition that ended the job (Complete or Failed), or undefined while it runs. */
export function finishedCondition(job: V1Job): V1JobCondition | undefined {
  return job.status?.conditions?.find(
    (condition) =>
      (condition.type === 'Complete' || condition.type === 'Failed') && condition.status === 'True',
  );
}
