// The API server's version (GET /version, open to every authenticated user, no RBAC rule needed):
// what a cluster run records in versions.json beside PostgreSQL's and the engine's.
import { VersionApi } from '@kubernetes/client-node';
import { K8sError } from './k8s-error.ts';
import type { KubeClient } from './kube-client.ts';

export async function getServerVersion(client: KubeClient): Promise<string> {
  try {
    return (await client.config.makeApiClient(VersionApi).getCode()).gitVersion;
  } catch (error) {
    throw new K8sError(
      `k8s: GET /version on ${client.server} (context ${client.context}) failed: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
