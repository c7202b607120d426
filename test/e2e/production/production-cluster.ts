// A Kubernetes API shaped like production's for a read-only cluster run: the test API server with
// the cron-ingester CronJob (and last night's completed Job) in cdtn-admin, and the Deployments tt1
// and tp1 check, rolled out at the tags the GitHub recordings give as latest releases. The mock has
// no controllers: each status is written through the /status subresource, as a controller would.
import type { V1Deployment } from '@kubernetes/client-node';
import { RUNBOOK_DEFAULTS } from '../../../src/config/index.ts';
import { startTestApiServer, type StartedTestApiServer } from '../../../src/ephemeral/index.ts';
import { recordedLatestTag } from '../../../src/rehearsal/index.ts';
import {
  createCronIngester,
  jobFromCronJob,
  loadKubeClient,
  type KubeClient,
} from '../../../src/k8s/index.ts';

const { cluster, github } = RUNBOOK_DEFAULTS;

export async function startProductionCluster(): Promise<StartedTestApiServer> {
  const server = await startTestApiServer({ namespace: cluster.adminNamespace });
  try {
    const admin = loadKubeClient({ kubeconfigPath: server.kubeconfigPath });
    await runNightlyIngester(admin);
    const adminTag = recordedLatestTag(github.apps.admin.repo);
    for (const name of cluster.adminDeployments)
      await deployRolledOut(admin, name, `ghcr.io/socialgouv/cdtn-admin/${name}:${adminTag}`);
    const frontend = loadKubeClient({
      kubeconfigPath: server.kubeconfigPath,
      namespace: cluster.frontendNamespace,
    });
    const frontendTag = recordedLatestTag(github.apps.frontend.repo);
    const image = `ghcr.io/socialgouv/code-du-travail-numerique/code-du-travail-numerique:${frontendTag}`;
    for (const name of cluster.frontendDeployments) await deployRolledOut(frontend, name, image);
    return server;
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** The CronJob, and the Job it started last night, complete (what production shows in the morning). */
async function runNightlyIngester(client: KubeClient): Promise<void> {
  const cronJob = await createCronIngester(client);
  const started = new Date(Date.now() - 6 * 3_600_000);
  const body = jobFromCronJob(cronJob, `cron-ingester-${Math.floor(started.getTime() / 60_000)}`);
  // A scheduled run, not one made by `kubectl create job --from`: no instantiate annotation.
  delete body.metadata?.annotations?.['cronjob.kubernetes.io/instantiate'];
  const job = await client.batch.createNamespacedJob({ namespace: client.namespace, body });
  const completed = new Date(started.getTime() + 20 * 60_000);
  const condition = { type: 'Complete', status: 'True', lastTransitionTime: completed };
  await client.batch.replaceNamespacedJobStatus({
    name: job.metadata!.name!,
    namespace: client.namespace,
    body: {
      ...job,
      status: { startTime: started, completionTime: completed, succeeded: 1, conditions: [condition] },
    },
  });
}

async function deployRolledOut(client: KubeClient, name: string, image: string): Promise<void> {
  const labels = { app: name };
  const body: V1Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: client.namespace },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name, image }] } },
    },
  };
  const created = await client.apps.createNamespacedDeployment({ namespace: client.namespace, body });
  const status = {
    observedGeneration: created.metadata?.generation ?? 1,
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
  };
  await client.apps.replaceNamespacedDeploymentStatus({
    name,
    namespace: client.namespace,
    body: { ...created, status },
  });
}
