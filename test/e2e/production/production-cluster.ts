// A Kubernetes cluster shaped like production's for a read-only cluster run, on a real control plane
// (src/rehearsal): production's namespaces, deploy/rbac.yaml applied, the cron-ingester CronJob and
// last night's Job completed by the real Job controller, and the Deployments tt1 and tp1 check,
// rolled out by the real Deployment controller at the tags the GitHub recordings give as latest
// releases. With no node, a stand-in for the kubelet ends the Job's pod and makes the Deployments'
// pods ready (pods/status) during the preparation. The run is given the drill's ServiceAccount.
import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { inject } from 'vitest';
import { RUNBOOK_DEFAULTS } from '../../../src/config/index.ts';
import { pollUntil } from '../../../src/env/index.ts';
import {
  createCronIngester,
  getRolloutStatus,
  jobFromCronJob,
  loadKubeClient,
  waitForJob,
  type KubeClient,
} from '../../../src/k8s/index.ts';
import {
  playKubelet,
  recordedLatestTag,
  startControlPlane,
  type Stoppable,
} from '../../../src/rehearsal/index.ts';
import { applyRbacManifest, writeDrillKubeconfig } from '../../rehearsal/drill-account.ts';

const { cluster, github } = RUNBOOK_DEFAULTS;

export interface ProductionCluster extends Stoppable {
  /** The drill's ServiceAccount (a TokenRequest token), current namespace cdtn-admin. */
  kubeconfigPath: string;
}

export async function startProductionCluster(): Promise<ProductionCluster> {
  const controlPlane = await startControlPlane({ binDir: inject('kubernetesBinDir') });
  try {
    const adminIn = async (namespace: string) => {
      const client = loadKubeClient({ kubeconfigPath: controlPlane.kubeconfigPath, namespace });
      await client.core.createNamespace({ body: { metadata: { name: namespace } } });
      return client;
    };
    const admin = await adminIn(cluster.adminNamespace);
    const frontend = await adminIn(cluster.frontendNamespace);
    await applyRbacManifest(admin, (namespace) => namespace ?? cluster.adminNamespace);
    const adminTag = recordedLatestTag(github.apps.admin.repo);
    const frontendImage = `ghcr.io/socialgouv/code-du-travail-numerique/code-du-travail-numerique:${recordedLatestTag(github.apps.frontend.repo)}`;
    const kubelets = [admin, frontend].map((client) =>
      playKubelet(client, { labelSelector: '', decide: kubeletOutcome }),
    );
    try {
      await runNightlyIngester(admin);
      for (const name of cluster.adminDeployments)
        await deployRolledOut(admin, name, `ghcr.io/socialgouv/cdtn-admin/${name}:${adminTag}`);
      for (const name of cluster.frontendDeployments) await deployRolledOut(frontend, name, frontendImage);
    } finally {
      await Promise.all(kubelets.map((kubelet) => kubelet.stop()));
    }
    // long enough for the preparation and the run
    const kubeconfigPath = await writeDrillKubeconfig(controlPlane, admin, 3_600);
    return { kubeconfigPath, stop: () => controlPlane.stop() };
  } catch (error) {
    await controlPlane.stop();
    throw error;
  }
}

/** A Job's pod runs to its end; a Deployment's pod runs and is ready. */
function kubeletOutcome(pod: V1Pod): 'Succeeded' | 'Ready' {
  return pod.metadata?.ownerReferences?.some((owner) => owner.kind === 'Job') ? 'Succeeded' : 'Ready';
}

/** The CronJob, and the Job it started last night, Complete (what production shows in the morning). */
async function runNightlyIngester(client: KubeClient): Promise<void> {
  const cronJob = await createCronIngester(client);
  const scheduled = new Date(Date.now() - 6 * 3_600_000);
  const body = jobFromCronJob(cronJob, `cron-ingester-${Math.floor(scheduled.getTime() / 60_000)}`);
  // A scheduled run, not one made by `kubectl create job --from`: no instantiate annotation.
  delete body.metadata?.annotations?.['cronjob.kubernetes.io/instantiate'];
  const job = await client.batch.createNamespacedJob({ namespace: client.namespace, body });
  await waitForJob(client, job.metadata?.name ?? '', { timeoutMs: 60_000, intervalMs: 200 });
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
  await client.apps.createNamespacedDeployment({ namespace: client.namespace, body });
  await pollUntil(
    async () => {
      const status = await getRolloutStatus(client, name);
      if (!status.complete) throw new Error(`Deployment ${name} not rolled out: ${JSON.stringify(status)}`);
    },
    {
      timeoutMs: 60_000,
      onTimeout: (last) => new Error(`Deployment ${name} never rolled out`, { cause: last }),
    },
  );
}
