// Test support: deploy/rbac.yaml applied to a fresh pair of namespaces standing for cdtn-admin's and
// the frontend's (each object goes to the namespace it names in the manifest), and clients that
// authenticate as its ServiceAccount with a TokenRequest token, as the drill does in production.
import { join } from 'node:path';
import {
  RbacAuthorizationV1Api,
  type V1PolicyRule,
  type V1Role,
  type V1RoleBinding,
} from '@kubernetes/client-node';
import { RUNBOOK_DEFAULTS } from '../../src/config/index.ts';
import { loadKubeClient, type KubeClient } from '../../src/k8s/index.ts';
import {
  readRbacManifest,
  SERVICE_ACCOUNT_ISSUER,
  writeKubeconfig,
  type StartedControlPlane,
} from '../../src/rehearsal/index.ts';
import { adminInNewNamespace } from './fixtures.ts';

export const DRILL_ACCOUNT = 'cdtn-recovery-drill';

/** One verb on one resource that a Role of the manifest grants, in the manifest's namespace. */
export interface Grant {
  namespace: string;
  group: string;
  resource: string;
  verb: string;
}

/** Every grant of the manifest's Roles, one verb of one resource at a time. */
export async function manifestGrants(): Promise<Grant[]> {
  const roles = (await readRbacManifest()).filter((object): object is V1Role => object.kind === 'Role');
  return roles.flatMap((role) =>
    (role.rules ?? []).flatMap((rule) =>
      (rule.apiGroups ?? []).flatMap((group) =>
        (rule.resources ?? []).flatMap((resource) =>
          rule.verbs.map((verb) => ({ namespace: role.metadata?.namespace ?? '', group, resource, verb })),
        ),
      ),
    ),
  );
}

/** The rules without the grant: its verb leaves its rule (a rule left with no verb goes). */
function withoutGrant(rules: V1PolicyRule[], namespace: string, grant?: Grant): V1PolicyRule[] {
  if (grant === undefined || grant.namespace !== namespace) return rules;
  return rules.flatMap((rule) => {
    const matches =
      (rule.apiGroups ?? []).includes(grant.group) && (rule.resources ?? []).includes(grant.resource);
    if (!matches) return [rule];
    if ((rule.apiGroups ?? []).length > 1 || (rule.resources ?? []).length > 1)
      throw new Error('test set-up: split the rule to take one grant away');
    const verbs = rule.verbs.filter((verb) => verb !== grant.verb);
    return verbs.length === 0 ? [] : [{ ...rule, verbs }];
  });
}

export interface DrillNamespaces {
  /** The administrator in the namespace standing for cdtn-admin (set-up, and the kubelet's part). */
  admin: KubeClient;
  /** The administrator in the namespace standing for the frontend's. */
  frontendAdmin: KubeClient;
  /** The drill's ServiceAccount, in each. */
  drill: KubeClient;
  drillFrontend: KubeClient;
  /** Its kubeconfig (a TokenRequest token), current namespace the admin one. */
  kubeconfigPath: string;
}

export interface DrillNamespacesOptions {
  withBinding?: boolean;
  /** A grant of the manifest to leave out. */
  without?: Grant;
}

export async function drillInNewNamespaces(
  controlPlane: StartedControlPlane,
  options: DrillNamespacesOptions = {},
): Promise<DrillNamespaces> {
  const admin = await adminInNewNamespace(controlPlane);
  const frontendAdmin = await adminInNewNamespace(controlPlane, `${admin.namespace}-front`);
  const { adminNamespace, frontendNamespace } = RUNBOOK_DEFAULTS.cluster;
  const namespaceOf = (manifestNamespace: string | undefined): string => {
    if (manifestNamespace === adminNamespace) return admin.namespace;
    if (manifestNamespace === frontendNamespace) return frontendAdmin.namespace;
    throw new Error(`test set-up: deploy/rbac.yaml names namespace ${manifestNamespace}`);
  };
  await applyRbacManifest(admin, namespaceOf, options);
  const kubeconfigPath = await writeDrillKubeconfig(controlPlane, admin);
  return {
    admin,
    frontendAdmin,
    drill: loadKubeClient({ kubeconfigPath }),
    drillFrontend: loadKubeClient({ kubeconfigPath, namespace: frontendAdmin.namespace }),
    kubeconfigPath,
  };
}

/** Creates deploy/rbac.yaml's objects, each in the namespace namespaceOf gives for the one it names. */
export async function applyRbacManifest(
  admin: KubeClient,
  namespaceOf: (manifestNamespace: string | undefined) => string,
  options: DrillNamespacesOptions = {},
): Promise<void> {
  const rbac = admin.config.makeApiClient(RbacAuthorizationV1Api);
  for (const object of await readRbacManifest()) {
    const namespace = namespaceOf(object.metadata?.namespace);
    const metadata = { ...object.metadata, namespace };
    if (object.kind === 'ServiceAccount')
      await admin.core.createNamespacedServiceAccount({ namespace, body: { ...object, metadata } });
    else if (object.kind === 'Role') {
      const role = object as V1Role;
      const rules = withoutGrant(role.rules ?? [], role.metadata?.namespace ?? '', options.without);
      await rbac.createNamespacedRole({ namespace, body: { ...role, metadata, rules } });
    } else if (object.kind === 'RoleBinding' && options.withBinding !== false) {
      const binding = object as V1RoleBinding;
      const subjects = binding.subjects?.map((subject) => ({
        ...subject,
        namespace: namespaceOf(subject.namespace),
      }));
      await rbac.createNamespacedRoleBinding({ namespace, body: { ...binding, metadata, subjects } });
    }
  }
}

/** A kubeconfig holding a TokenRequest token of the drill's ServiceAccount (ten minutes by default). */
export async function writeDrillKubeconfig(
  controlPlane: StartedControlPlane,
  admin: KubeClient,
  expirationSeconds = 600,
): Promise<string> {
  const { namespace } = admin;
  const request = await admin.core.createNamespacedServiceAccountToken({
    name: DRILL_ACCOUNT,
    namespace,
    body: { spec: { audiences: [SERVICE_ACCOUNT_ISSUER], expirationSeconds } },
  });
  const token = request.status?.token;
  if (!token) throw new Error(`test set-up: TokenRequest for ${namespace}/${DRILL_ACCOUNT} gave no token`);
  const kubeconfigPath = join(controlPlane.runDir, `${DRILL_ACCOUNT}.${namespace}.kubeconfig`);
  const { server, caCert } = controlPlane;
  await writeKubeconfig(kubeconfigPath, {
    server,
    caCert,
    user: { token },
    context: DRILL_ACCOUNT,
    namespace,
  });
  return kubeconfigPath;
}
