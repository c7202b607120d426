// deploy/rbac.yaml is enough and nothing more, on a real API server: the drill's cluster paths pass
// as its ServiceAccount (a TokenRequest token), and with any one grant taken away they fail at the
// step that needs it, with RBAC's own refusal naming the verb and the resource.
import { describe, expect, it } from 'vitest';
import { RUNBOOK_DEFAULTS } from '../../src/config/index.ts';
import { drillInNewNamespaces, manifestGrants, type Grant } from './drill-account.ts';
import {
  LEASE_STEP,
  prepareProductionObjects,
  runAllowJobPaths,
  runReadOnlyPaths,
  StepFailure,
} from './drill-cluster-paths.ts';
import { useControlPlane } from './fixtures.ts';

const controlPlane = useControlPlane();
const { adminNamespace, frontendNamespace } = RUNBOOK_DEFAULTS.cluster;

/** The step that needs each grant (written from the drill's code, not from a run). */
const NEEDED_BY: Record<string, string> = {
  [`${adminNamespace} get batch/cronjobs`]: 'tt3 job',
  [`${adminNamespace} get batch/jobs`]: 'tt3 job',
  [`${adminNamespace} list batch/jobs`]: 'tt3 job',
  [`${adminNamespace} create batch/jobs`]: 'tt3 job',
  [`${adminNamespace} delete batch/jobs`]: 'tt3 replacing the finished job',
  [`${adminNamespace} list /pods`]: 'tt3 pod log',
  [`${adminNamespace} get /pods/log`]: 'tt3 pod log',
  [`${adminNamespace} get apps/deployments`]: 'tt1 rollouts',
  [`${adminNamespace} get coordination.k8s.io/leases`]: LEASE_STEP,
  [`${adminNamespace} update coordination.k8s.io/leases`]: LEASE_STEP,
  [`${adminNamespace} create coordination.k8s.io/leases`]: LEASE_STEP,
  [`${frontendNamespace} get apps/deployments`]: 'tp1 rollouts',
};
const key = (grant: Grant) => `${grant.namespace} ${grant.verb} ${grant.group}/${grant.resource}`;
const grants = await manifestGrants();

async function preparedNamespaces(without?: Grant) {
  const namespaces = await drillInNewNamespaces(controlPlane(), { without });
  await prepareProductionObjects(namespaces);
  return namespaces;
}

describe('deploy/rbac.yaml, grant by grant, on a real API server', () => {
  it('names a step for every grant of the manifest, and no grant it lacks', () => {
    expect(grants.map(key).sort()).toEqual(Object.keys(NEEDED_BY).sort());
  });

  it('is enough for a read-only run', async () => {
    await expect(runReadOnlyPaths(await preparedNamespaces())).resolves.toBeUndefined();
  });

  it('is enough for a run with --allow-job and --replace-finished-job, under the Lease; the pod log needs a node', async () => {
    const namespaces = await preparedNamespaces();
    const tail = await runAllowJobPaths(namespaces);
    const jobs = await namespaces.admin.batch.listNamespacedJob({ namespace: namespaces.admin.namespace });
    expect(jobs.items.map((job) => job.status?.succeeded)).toEqual([1]);
    // no kubelet ran the pod: the API server answers an empty log
    expect(tail).toEqual({ pod: expect.stringMatching(/^cron-ingester-manual-\w+$/), lines: [] });
  });

  it.each(grants.map((grant) => ({ ...grant, name: key(grant) })))(
    'without $name, fails at its step with RBAC naming the verb and resource',
    async (grant) => {
      const namespaces = await preparedNamespaces(grant);
      const namespace =
        grant.namespace === frontendNamespace
          ? namespaces.frontendAdmin.namespace
          : namespaces.admin.namespace;
      const failure: unknown = await runAllowJobPaths(namespaces).then(
        () => new Error('the run passed'),
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(StepFailure);
      expect((failure as StepFailure).step).toBe(NEEDED_BY[key(grant)]);
      expect((failure as StepFailure).message).toContain(
        `forbidden to ${grant.verb} ${grant.resource} (apiGroup "${grant.group}") in namespace ${namespace}`,
      );
      expect((failure as StepFailure).message).toContain(
        `User "system:serviceaccount:${namespaces.admin.namespace}:cdtn-recovery-drill" cannot ${grant.verb} resource "${grant.resource}"`,
      );
    },
  );
});
