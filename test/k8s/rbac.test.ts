// The mock API server does not enforce RBAC: the module's calls, recorded by its call wrapper while
// it runs every operation, are compared with the grants of deploy/rbac.yaml.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadAllYaml, type V1Role, type V1RoleBinding, type V1ServiceAccount } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import {
  createJobFromCronJob,
  getRolloutStatus,
  waitForJob,
  withDrillLease,
  type KubeCall,
} from '../../src/k8s/index.ts';
import { startJobController } from '../../src/ephemeral/job-controller.ts';
import { clientInNewNamespace, createCronIngester, useTestApiServer } from './fixtures.ts';

const server = useTestApiServer();
const MANIFEST = join(import.meta.dirname, '../../deploy/rbac.yaml');

async function manifest() {
  const objects = loadAllYaml(await readFile(MANIFEST, 'utf8')) as (
    V1Role | V1RoleBinding | V1ServiceAccount
  )[];
  const role = objects.find((o): o is V1Role => o.kind === 'Role');
  const binding = objects.find((o): o is V1RoleBinding => o.kind === 'RoleBinding');
  const account = objects.find((o): o is V1ServiceAccount => o.kind === 'ServiceAccount');
  if (!role || !binding || !account)
    throw new Error(`${MANIFEST} must hold a ServiceAccount, a Role and a RoleBinding`);
  return { role, binding, account };
}

/**
 * Every call the module makes in a drill: lease, job from CronJob (refused, then replacing the
 * finished one), wait (success and failure with log), rollout.
 */
async function recordModuleCalls(): Promise<KubeCall[]> {
  const client = clientInNewNamespace(server());
  await createCronIngester(client);
  await client.apps.createNamespacedDeployment({
    namespace: client.namespace,
    body: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'www' },
      spec: { selector: {}, template: { spec: { containers: [{ name: 'www', image: 'www:1' }] } } },
    },
  });
  let runs = 0;
  const controller = await startJobController({
    kubeconfig: server().kubeconfigPath,
    namespace: client.namespace,
    intervalMs: 50,
    run: async () => {
      if (++runs > 1) throw new Error('the second one fails');
    },
  });
  try {
    await withDrillLease(client, { renewEveryMs: 20 }, async () => {
      const job = await createJobFromCronJob(client, {
        cronJob: 'cron-ingester',
        jobName: 'cron-ingester-manual',
      });
      await waitForJob(client, job.metadata?.name ?? '', { intervalMs: 50 });
      await expect(
        createJobFromCronJob(client, { cronJob: 'cron-ingester', jobName: 'cron-ingester-manual' }),
      ).rejects.toThrow('--replace-finished-job');
      const failing = await createJobFromCronJob(client, {
        cronJob: 'cron-ingester',
        jobName: 'cron-ingester-manual',
        replaceFinished: true,
      });
      await expect(waitForJob(client, failing.metadata?.name ?? '', { intervalMs: 50 })).rejects.toThrow(
        'BackoffLimitExceeded',
      );
      await getRolloutStatus(client, 'www');
    });
  } finally {
    await controller.stop();
  }
  return client.calls;
}

describe('deploy/rbac.yaml', () => {
  it('grants every call the module makes, and nothing it does not use', async () => {
    const { role } = await manifest();
    const rules = role.rules ?? [];
    const calls = await recordModuleCalls();
    const granted = (call: KubeCall) =>
      rules.some(
        (rule) =>
          (rule.apiGroups ?? []).includes(call.group) &&
          (rule.resources ?? []).includes(call.resource) &&
          rule.verbs.includes(call.verb) &&
          (rule.resourceNames === undefined ||
            (call.name !== undefined && rule.resourceNames.includes(call.name))),
      );
    const key = (c: { group: string; resource: string; verb: string }) =>
      `${c.verb} ${c.resource} (apiGroup "${c.group}")`;
    expect(calls.filter((call) => !granted(call)).map(key)).toEqual([]);

    const used = new Set(calls.map(key));
    const grants = rules.flatMap((rule) =>
      (rule.apiGroups ?? []).flatMap((group) =>
        (rule.resources ?? []).flatMap((resource) =>
          rule.verbs.map((verb) => key({ group, resource, verb })),
        ),
      ),
    );
    expect(grants.filter((grant) => !used.has(grant))).toEqual([]);
    expect(grants.some((grant) => grant.includes('*'))).toBe(false);
  });

  it('binds the Role to the drill service account in one namespace', async () => {
    const { role, binding, account } = await manifest();
    const namespace = account.metadata?.namespace;
    expect(role.metadata?.namespace).toBe(namespace);
    expect(binding.metadata?.namespace).toBe(namespace);
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'Role',
      name: role.metadata?.name,
    });
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: account.metadata?.name, namespace }]);
  });
});
