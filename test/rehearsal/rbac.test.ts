// deploy/rbac.yaml on a real API server: the drill's ServiceAccount, with a token from the
// TokenRequest API, is allowed what the Role grants and refused, by RBAC itself, what it does not;
// the Job it creates from the CronJob gets its Pod from the real Job controller.
import { join } from 'node:path';
import {
  AuthenticationV1Api,
  RbacAuthorizationV1Api,
  type V1Role,
  type V1RoleBinding,
} from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/env/index.ts';
import {
  createCronIngester,
  createJobFromCronJob,
  loadKubeClient,
  type KubeClient,
} from '../../src/k8s/index.ts';
import { readRbacManifest, SERVICE_ACCOUNT_ISSUER, writeKubeconfig } from '../../src/rehearsal/index.ts';
import { adminInNewNamespace, useControlPlane } from './fixtures.ts';

const controlPlane = useControlPlane();
const ACCOUNT = 'cdtn-recovery-drill';

/** Creates deploy/rbac.yaml's ServiceAccount, Role and RoleBinding in the admin client's namespace. */
async function applyRbacManifest(admin: KubeClient, options: { withBinding: boolean }): Promise<void> {
  const namespace = admin.namespace;
  const objects = await readRbacManifest();
  const rbac = admin.config.makeApiClient(RbacAuthorizationV1Api);
  for (const object of objects) {
    const body = { ...object, metadata: { ...object.metadata, namespace } };
    if (object.kind === 'ServiceAccount')
      await admin.core.createNamespacedServiceAccount({ namespace, body });
    else if (object.kind === 'Role') await rbac.createNamespacedRole({ namespace, body: body as V1Role });
    else if (object.kind === 'RoleBinding' && options.withBinding) {
      const binding = body as V1RoleBinding;
      const subjects = binding.subjects?.map((subject) => ({ ...subject, namespace }));
      await rbac.createNamespacedRoleBinding({ namespace, body: { ...binding, subjects } });
    }
  }
}

/** A client that authenticates with a TokenRequest token of the account, as the drill will. */
async function clientAs(admin: KubeClient, account: string): Promise<KubeClient> {
  const { namespace } = admin;
  const request = await admin.core.createNamespacedServiceAccountToken({
    name: account,
    namespace,
    body: { spec: { audiences: [SERVICE_ACCOUNT_ISSUER], expirationSeconds: 600 } },
  });
  const kubeconfigPath = join(controlPlane().runDir, `${account}.${namespace}.kubeconfig`);
  const { server, caCert } = controlPlane();
  await writeKubeconfig(kubeconfigPath, {
    server,
    caCert,
    user: { token: request.status?.token ?? '' },
    context: account,
    namespace,
  });
  return loadKubeClient({ kubeconfigPath });
}

async function drillInNewNamespace(options = { withBinding: true }) {
  const admin = await adminInNewNamespace(controlPlane());
  await applyRbacManifest(admin, options);
  await createCronIngester(admin);
  return { admin, drill: await clientAs(admin, ACCOUNT) };
}

describe('deploy/rbac.yaml on a real API server', () => {
  it('the TokenRequest token authenticates as the drill ServiceAccount', async () => {
    const { admin, drill } = await drillInNewNamespace();
    const review = await drill.config
      .makeApiClient(AuthenticationV1Api)
      .createSelfSubjectReview({ body: {} });
    expect(review.status?.userInfo?.username).toBe(`system:serviceaccount:${admin.namespace}:${ACCOUNT}`);
  });

  it('lets the ServiceAccount create the Job from the CronJob, and the Job controller creates its Pod', async () => {
    const { admin, drill } = await drillInNewNamespace();
    const job = await createJobFromCronJob(drill, {
      cronJob: 'cron-ingester',
      jobName: 'cron-ingester-manual',
    });
    const pod = await pollUntil(
      async () => {
        const pods = await admin.core.listNamespacedPod({
          namespace: admin.namespace,
          labelSelector: 'batch.kubernetes.io/job-name=cron-ingester-manual',
        });
        if (pods.items.length === 0) throw new Error('no pod yet');
        return pods.items[0];
      },
      {
        timeoutMs: 30_000,
        onTimeout: (last) => new Error(`the Job controller made no Pod in 30 s`, { cause: last }),
      },
    );
    expect(pod?.metadata?.ownerReferences?.map(({ kind, uid }) => ({ kind, uid }))).toEqual([
      { kind: 'Job', uid: job.metadata?.uid },
    ]);
    expect(pod?.spec?.containers.map((container) => container.name)).toEqual(['update-ingester']);
  });

  it('refuses the same CronJob to the ServiceAccount when the RoleBinding is missing', async () => {
    const { admin, drill } = await drillInNewNamespace({ withBinding: false });
    await expect(
      createJobFromCronJob(drill, { cronJob: 'cron-ingester', jobName: 'x' }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining(
        `User "system:serviceaccount:${admin.namespace}:${ACCOUNT}" cannot get resource "cronjobs" in API group "batch"`,
      ),
    });
  });

  const refused = [
    {
      verb: 'list',
      resource: 'cronjobs',
      group: 'batch',
      send: (c: KubeClient) => c.batch.listNamespacedCronJob({ namespace: c.namespace }),
    },
    {
      verb: 'delete',
      resource: 'cronjobs',
      group: 'batch',
      send: (c: KubeClient) =>
        c.batch.deleteNamespacedCronJob({ name: 'cron-ingester', namespace: c.namespace }),
    },
    {
      verb: 'get',
      resource: 'secrets',
      group: '',
      send: (c: KubeClient) => c.core.readNamespacedSecret({ name: 'database', namespace: c.namespace }),
    },
    // the Role names its own Lease only
    {
      verb: 'get',
      resource: 'leases',
      group: 'coordination.k8s.io',
      send: (c: KubeClient) =>
        c.coordination.readNamespacedLease({ name: 'another-lease', namespace: c.namespace }),
    },
  ] as const;

  it.each(refused)(
    'answers 403 to $verb $resource, which the Role does not grant',
    async ({ verb, resource, group, send }) => {
      const { admin, drill } = await drillInNewNamespace();
      const call = drill.call({ verb, resource, group, namespace: drill.namespace }, () => send(drill));
      await expect(call).rejects.toMatchObject({
        status: 403,
        message: expect.stringContaining(
          `User "system:serviceaccount:${admin.namespace}:${ACCOUNT}" cannot ${verb} resource "${resource}" in API group "${group}"`,
        ),
      });
    },
  );
});
