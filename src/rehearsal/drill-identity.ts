// The drill's identity on the rehearsal cluster, as in production: deploy/rbac.yaml applied as it is
// shipped (its ServiceAccount, Roles and RoleBindings, in the namespaces it names), and a kubeconfig
// holding a token of that ServiceAccount from the TokenRequest API, not an administrator's.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  loadAllYaml,
  RbacAuthorizationV1Api,
  type V1Role,
  type V1RoleBinding,
  type V1ServiceAccount,
} from '@kubernetes/client-node';
import type { KubeClient } from '../k8s/index.ts';
import { SERVICE_ACCOUNT_ISSUER } from './control-plane-args.ts';
import { writeKubeconfig } from './control-plane-kubeconfig.ts';
import type { StartedControlPlane } from './start-control-plane.ts';

export const RBAC_MANIFEST = join(import.meta.dirname, '../../deploy/rbac.yaml');
const TOKEN_SECONDS = 4 * 3600;

export interface DrillIdentity {
  kubeconfigPath: string;
  /** system:serviceaccount:<namespace>:<name> */
  user: string;
}

export type RbacObject = V1ServiceAccount | V1Role | V1RoleBinding;

/** The objects of deploy/rbac.yaml, in order. */
export async function readRbacManifest(): Promise<RbacObject[]> {
  return loadAllYaml(await readFile(RBAC_MANIFEST, 'utf8')) as RbacObject[];
}

export async function createDrillIdentity(
  admin: KubeClient,
  controlPlane: StartedControlPlane,
  context: string,
): Promise<DrillIdentity> {
  const objects = await readRbacManifest();
  const rbac = admin.config.makeApiClient(RbacAuthorizationV1Api);
  let account: V1ServiceAccount | undefined;
  for (const object of objects) {
    const namespace = object.metadata?.namespace ?? admin.namespace;
    if (object.kind === 'ServiceAccount') {
      account = await admin.core.createNamespacedServiceAccount({ namespace, body: object });
    } else if (object.kind === 'Role') await rbac.createNamespacedRole({ namespace, body: object as V1Role });
    else if (object.kind === 'RoleBinding')
      await rbac.createNamespacedRoleBinding({ namespace, body: object as V1RoleBinding });
    else
      throw new Error(
        `rehearsal: ${RBAC_MANIFEST} holds a ${object.kind}; expected ServiceAccount, Role, RoleBinding`,
      );
  }
  const name = account?.metadata?.name;
  const namespace = account?.metadata?.namespace;
  if (name === undefined || namespace === undefined)
    throw new Error(`rehearsal: ${RBAC_MANIFEST} holds no ServiceAccount`);
  const request = await admin.core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [SERVICE_ACCOUNT_ISSUER], expirationSeconds: TOKEN_SECONDS } },
  });
  const token = request.status?.token;
  if (!token) throw new Error(`rehearsal: TokenRequest for ${namespace}/${name} returned no token`);
  const kubeconfigPath = join(controlPlane.runDir, 'drill.kubeconfig');
  const { server, caCert } = controlPlane;
  await writeKubeconfig(kubeconfigPath, { server, caCert, user: { token }, context, namespace });
  return { kubeconfigPath, user: `system:serviceaccount:${namespace}:${name}` };
}
