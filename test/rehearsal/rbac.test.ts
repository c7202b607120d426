// deploy/rbac.yaml on a real API server: the drill's ServiceAccount, with a token from the
// TokenRequest API, is allowed what the Role grants and refused, by RBAC itself, what it does not;
// the Job it creates from the CronJob gets its Pod from the real Job controller.
import { AuthenticationV1Api } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../../src/env/index.ts';
import { createCronIngester, createJobFromCronJob, type KubeClient } from '../../src/k8s/index.ts';
import { DRILL_ACCOUNT as ACCOUNT, drillInNewNamespaces } from './drill-account.ts';
import { useControlPlane } from './fixtures.ts';

const controlPlane = useControlPlane();

async function drillInNewNamespace(options = { withBinding: true }) {
  const { admin, drill } = await drillInNewNamespaces(controlPlane(), options);
  await createCronIngester(admin);
  return { admin, drill };
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
