// The Kubernetes settings of a cluster run, from the environment, validated in one pass:
//   KUBECONFIG              kubeconfig file(s), as kubectl reads them (default ~/.kube/config)
//   DRILL_JOB_TIMEOUT_MS    limit of the wait for the manual job (default: its activeDeadlineSeconds + 60 s)
//   DRILL_ALLOW_JOB         1: the job may be created (set by the cluster safety check from --allow-job)
//   DRILL_REPLACE_FINISHED_JOB  1: a finished cron-ingester-manual may be deleted to create the new one
//                           (set by the cluster safety check from --replace-finished-job)
// The context and the admin namespace (DRILL_KUBE_CONTEXT, DRILL_ADMIN_NAMESPACE, default cdtn-admin)
// are the checks configuration's, so that every drill reads one value with one default.
import { z } from 'zod';
import { loadChecksConfig } from '../config/index.ts';
import { K8sError } from './k8s-error.ts';
import type { KubeClientOptions } from './kube-client.ts';

export interface K8sConfig extends KubeClientOptions {
  namespace: string;
  jobTimeoutMs?: number;
  allowJob: boolean;
  replaceFinishedJob: boolean;
}

const flag = z.enum(['', '0', '1', 'true', 'false']).optional();
const isSet = (value: z.infer<typeof flag>) => value === '1' || value === 'true';
const schema = z.object({
  DRILL_JOB_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  DRILL_ALLOW_JOB: flag,
  DRILL_REPLACE_FINISHED_JOB: flag,
});

export function readK8sConfig(env: Record<string, string | undefined> = process.env): K8sConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) =>
        `${issue.path.join('.')}: ${issue.message}, found ${JSON.stringify(env[String(issue.path[0])])}`,
    );
    throw new K8sError(`k8s: settings are invalid:\n  ${problems.join('\n  ')}`, { cause: parsed.error });
  }
  const value = parsed.data;
  const { kubeContext, adminNamespace } = loadChecksConfig({ env }).cluster;
  return {
    ...(kubeContext ? { context: kubeContext } : {}),
    namespace: adminNamespace,
    ...(value.DRILL_JOB_TIMEOUT_MS ? { jobTimeoutMs: value.DRILL_JOB_TIMEOUT_MS } : {}),
    allowJob: isSet(value.DRILL_ALLOW_JOB),
    replaceFinishedJob: isSet(value.DRILL_REPLACE_FINISHED_JOB),
  };
}
