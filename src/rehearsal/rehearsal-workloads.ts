// What production's cluster holds for the drill, on the rehearsal's: the admin and frontend
// namespaces, the cron-ingester CronJob whose pod runs the reference ingester, and the Deployments
// tt1 and tp1 check (www, export, hasura; app), real pods at the tags of the latest releases with
// readiness probes. Waits until every Deployment is rolled out.
import type { V1Deployment, V1PodSpec } from '@kubernetes/client-node';
import { RUNBOOK_DEFAULTS } from '../config/index.ts';
import type { PostStepsConfig } from '../export/index.ts';
import { pollUntil } from '../env/poll-until.ts';
import { getFreePort } from '../env/get-free-port.ts';
import { cronIngesterManifest, getRolloutStatus, loadKubeClient, type KubeClient } from '../k8s/index.ts';
import { projectContainer, projectPodSpec } from './project-container.ts';

const { cluster } = RUNBOOK_DEFAULTS;

export interface WorkloadInputs {
  kubeconfigPath: string;
  databaseUrl: string;
  searchUrl: string;
  registryUrl: string;
  /** The export's bucket and sitemap endpoint (its post-steps). */
  postSteps: PostStepsConfig;
  /** Each Deployment's image (its tag is what tt1/tp1 expect), present on the node. */
  images: { admin: (name: string) => string; frontend: string; ingester: string };
  /** Recorded origins the stand-ins answer for. */
  origins: { admin: string; frontend: string };
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface RehearsalEndpoints {
  adminUrl: string;
  exportUrl: string;
  frontendUrl: string;
}

export async function createRehearsalWorkloads(inputs: WorkloadInputs): Promise<RehearsalEndpoints> {
  const admin = loadKubeClient({ kubeconfigPath: inputs.kubeconfigPath, namespace: cluster.adminNamespace });
  const frontend = loadKubeClient({
    kubeconfigPath: inputs.kubeconfigPath,
    namespace: cluster.frontendNamespace,
  });
  for (const name of [cluster.adminNamespace, cluster.frontendNamespace])
    await admin.core.createNamespace({ body: { metadata: { name } } });
  await createIngesterCronJob(admin, inputs);

  const ports = { www: await getFreePort(), export: await getFreePort(), hasura: await getFreePort() };
  const app = await getFreePort();
  const standIn = (name: string, image: string, origin: string, port: number): V1PodSpec =>
    projectPodSpec([
      projectContainer({
        name,
        image,
        program: 'recorded-origin.ts',
        env: { RECORDED_ORIGIN: origin, PORT: String(port) },
        // the pod shares the host's network: its own address is the node's, the server is on loopback
        readinessProbe: { tcpSocket: { port, host: '127.0.0.1' }, periodSeconds: 1 },
      }),
    ]);
  const exportSpec = projectPodSpec([
    projectContainer({
      name: 'export',
      image: inputs.images.admin('export'),
      program: 'export-service.ts',
      env: {
        DATABASE_URL: inputs.databaseUrl,
        ELASTICSEARCH_URL: inputs.searchUrl,
        PORT: String(ports.export),
        ...postStepsEnv(inputs.postSteps),
      },
      readinessProbe: {
        httpGet: { path: '/healthz', port: ports.export, host: '127.0.0.1' },
        periodSeconds: 1,
      },
    }),
  ]);
  await deploy(admin, 'www', standIn('www', inputs.images.admin('www'), inputs.origins.admin, ports.www));
  await deploy(admin, 'export', exportSpec);
  await deploy(
    admin,
    'hasura',
    standIn('hasura', inputs.images.admin('hasura'), inputs.origins.admin, ports.hasura),
  );
  await deploy(frontend, 'app', standIn('app', inputs.images.frontend, inputs.origins.frontend, app));
  await waitForRollouts(admin, ['www', 'export', 'hasura'], inputs);
  await waitForRollouts(frontend, ['app'], inputs);
  return {
    adminUrl: `http://127.0.0.1:${ports.www}`,
    exportUrl: `http://127.0.0.1:${ports.export}`,
    frontendUrl: `http://127.0.0.1:${app}`,
  };
}

/** The export's post-step settings, under the names of export-elasticsearch's config map. */
function postStepsEnv({ bucket, sitemapEndpoint }: PostStepsConfig): Record<string, string> {
  return {
    BUCKET_ENDPOINT: bucket.endpoint,
    BUCKET_REGION: bucket.region,
    BUCKET_NAME: bucket.name,
    BUCKET_ACCESS_KEY: bucket.accessKeyId,
    BUCKET_SECRET_KEY: bucket.secretAccessKey,
    SITEMAP_ENDPOINT: sitemapEndpoint,
  };
}

/** cdtn-admin's CronJob (schedule, limits, deadline), its container running the reference ingester. */
async function createIngesterCronJob(client: KubeClient, inputs: WorkloadInputs): Promise<void> {
  const body = cronIngesterManifest();
  const template = body.spec!.jobTemplate.spec!.template;
  const [upstream] = template.spec!.containers;
  const container = projectContainer({
    name: upstream!.name,
    image: inputs.images.ingester,
    program: 'ingester.ts',
    env: { DATABASE_URL: inputs.databaseUrl, DRILL_NPM_REGISTRY: inputs.registryUrl },
  });
  template.spec = projectPodSpec([{ ...container, resources: upstream!.resources }], 'Never');
  await client.batch.createNamespacedCronJob({ namespace: client.namespace, body });
}

async function deploy(client: KubeClient, name: string, spec: V1PodSpec): Promise<void> {
  const labels = { app: name };
  const body: V1Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: client.namespace },
    // one replica: host-network pods of one node cannot share a port
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec } },
  };
  await client.apps.createNamespacedDeployment({ namespace: client.namespace, body });
}

async function waitForRollouts(
  client: KubeClient,
  names: string[],
  { timeoutMs, signal }: Pick<WorkloadInputs, 'timeoutMs' | 'signal'>,
): Promise<void> {
  for (const name of names) {
    await pollUntil(
      async () => {
        const status = await getRolloutStatus(client, name, { namespace: client.namespace });
        if (!status.complete) throw new Error(`Deployment ${client.namespace}/${name} not rolled out yet`);
      },
      {
        timeoutMs,
        intervalMs: 500,
        signal,
        onTimeout: (last) =>
          new Error(`rehearsal: ${(last as Error).message} after ${timeoutMs} ms`, { cause: last }),
      },
    );
  }
}
