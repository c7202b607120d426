// The Kubernetes settings of a cluster run, from the environment (src/config declares and checks
// every variable): KUBECONFIG (kubectl's), DRILL_JOB_TIMEOUT_MS, DRILL_ALLOW_JOB and
// DRILL_REPLACE_FINISHED_JOB (the last two set by the cluster safety check from their flags only).
// The context and the admin namespace (DRILL_KUBE_CONTEXT, DRILL_ADMIN_NAMESPACE) are the checks
// configuration's, so that every drill reads one value with one default.
import { loadChecksConfig, readDrillVariables } from '../config/index.ts';
import type { KubeClientOptions } from './kube-client.ts';

export interface K8sConfig extends KubeClientOptions {
  namespace: string;
  jobTimeoutMs?: number;
  allowJob: boolean;
  replaceFinishedJob: boolean;
}

export function readK8sConfig(env: Record<string, string | undefined> = process.env): K8sConfig {
  const variables = readDrillVariables(env);
  const { kubeContext, adminNamespace } = loadChecksConfig({ env }).cluster;
  return {
    ...(kubeContext ? { context: kubeContext } : {}),
    namespace: adminNamespace,
    ...(variables.DRILL_JOB_TIMEOUT_MS ? { jobTimeoutMs: variables.DRILL_JOB_TIMEOUT_MS } : {}),
    allowJob: variables.DRILL_ALLOW_JOB,
    replaceFinishedJob: variables.DRILL_REPLACE_FINISHED_JOB,
  };
}
