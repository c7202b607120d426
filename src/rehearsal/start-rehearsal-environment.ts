// The rehearsal's production: a real control plane and node; PostgreSQL holding last night's data
// and the engine with both environments exported (production-data.ts, the engine in a container);
// the npm registry serving the data packages' tarballs and the outside world's recordings over HTTP
// on 127.0.0.1; production's namespaces, CronJob and Deployments as real pods; the drill's RBAC and
// token; and the variables and config file a `drill:prod` run is given, write targets bound to
// these endpoints. stop() (also after a failed start) stops all of it in reverse order.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RUNBOOK_DEFAULTS } from '../config/index.ts';
import { getContainerRuntime, startSearchContainer } from '../env/index.ts';
import { LOCAL_IMAGES, loadEphemeralConfig } from '../env/index.ts';
import { loadIngestConfig, prepareServedRegistry } from '../ingest/index.ts';
import { loadKubeClient } from '../k8s/index.ts';
import { createSearchEngine } from '../search/index.ts';
import { createDrillIdentity } from './drill-identity.ts';
import { buildKubernetesBinaries, buildNodeRuntime } from './kubernetes-binaries.ts';
import { outsideWorldConfig, outsideWorldEnv, RECORDED_ADMIN_URL } from './outside-world-env.ts';
import { startProductionServices } from './production-services.ts';
import { recordedLatestTag } from './recorded-latest-tag.ts';
import { createRehearsalWorkloads } from './rehearsal-workloads.ts';
import { startAll, type Stoppable } from './start-all.ts';
import { startControlPlane, REHEARSAL_CONTEXT } from './start-control-plane.ts';
import { startNode } from './start-node.ts';

const { cluster, github, frontend } = RUNBOOK_DEFAULTS;
const ROLLOUT_TIMEOUT_MS = 180_000;

export interface RehearsalEnvironment extends Stoppable {
  /** What `npm run drill:prod` is given. */
  env: Record<string, string>;
  /** The context to --confirm. */
  context: string;
  backup: { dumpPath: string; manifestPath: string };
  kubernetesVersion: string;
  /** Figures of the start: the control plane and the node's start-ups, their processes' PIDs. */
  figures: { controlPlaneMs: number; nodeMs: number; pids: number[] };
}

export function startRehearsalEnvironment(
  runId: string,
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<RehearsalEnvironment> {
  return startAll(async (onStop) => {
    log('building (or finding cached) the Kubernetes and containerd binaries');
    const kubernetesBinDir = await buildKubernetesBinaries(signal);
    const runtimeBinDir = await buildNodeRuntime(signal);
    const controlPlane = await startControlPlane({ binDir: kubernetesBinDir, signal });
    onStop(() => controlPlane.stop());
    log(`control plane ${controlPlane.version} ready in ${controlPlane.startupMs} ms; starting the node`);
    const node = await startNode({
      controlPlane,
      kubernetesBinDir,
      runtimeBinDir,
      images: [LOCAL_IMAGES.base],
      signal,
    });
    onStop(() => node.stop());
    log(`node ${node.name} ready in ${node.startupMs} ms`);
    // The Deployments run the base image under production's names, at the tags tt1 and tp1 expect.
    const adminTag = recordedLatestTag(github.apps.admin.repo);
    const adminImage = (name: string) => `ghcr.io/socialgouv/cdtn-admin/${name}:${adminTag}`;
    const frontendImage = `ghcr.io/socialgouv/code-du-travail-numerique/code-du-travail-numerique:${recordedLatestTag(github.apps.frontend.repo)}`;
    const ingesterImage = adminImage('ingester');
    for (const image of [...cluster.adminDeployments.map(adminImage), frontendImage, ingesterImage])
      await node.tagImage(LOCAL_IMAGES.base, image);

    const served = await prepareServedRegistry(loadIngestConfig());
    const { registryUrl, world, data, postSteps, publicBucketUrl, stop } = await startProductionServices({
      latest: served.latest,
      log,
      startSearchEngine: async () => {
        const { searchImage, searchTimeoutMs } = loadEphemeralConfig();
        const runtime = await getContainerRuntime();
        const started = await startSearchContainer(runtime, {
          image: searchImage,
          runId,
          timeoutMs: searchTimeoutMs,
          signal,
        });
        const engine = await createSearchEngine({ url: started.endpoint.url });
        return {
          url: started.endpoint.url,
          engine,
          stop: async () => {
            await engine.close();
            await started.container.stop();
          },
        };
      },
    });
    onStop(stop);

    log("creating production's namespaces, the cron-ingester CronJob and the Deployments");
    const endpoints = await createRehearsalWorkloads({
      kubeconfigPath: controlPlane.kubeconfigPath,
      databaseUrl: data.databaseUrl,
      searchUrl: data.searchUrl,
      registryUrl,
      postSteps,
      images: { admin: adminImage, frontend: frontendImage, ingester: ingesterImage },
      origins: { admin: RECORDED_ADMIN_URL, frontend: frontend.url },
      timeoutMs: ROLLOUT_TIMEOUT_MS,
      signal,
    });
    const admin = loadKubeClient({
      kubeconfigPath: controlPlane.kubeconfigPath,
      namespace: cluster.adminNamespace,
    });
    const identity = await createDrillIdentity(admin, controlPlane, REHEARSAL_CONTEXT);
    log(`the drill runs as ${identity.user}`);

    const configDir = join(controlPlane.runDir, 'drill');
    await mkdir(configDir, { recursive: true });
    const configPath = join(configDir, 'drill-config.json');
    const database = new URL(data.databaseUrl);
    const config = {
      ...outsideWorldConfig(world),
      writeTargets: {
        kube: [`${REHEARSAL_CONTEXT}/${cluster.adminNamespace}`],
        postgres: [`${database.host}${database.pathname}`],
        search: [new URL(data.searchUrl).origin],
        exportService: [new URL(endpoints.exportUrl).origin],
      },
    };
    await writeFile(configPath, JSON.stringify(config, null, 2));
    return {
      env: {
        KUBECONFIG: identity.kubeconfigPath,
        DATABASE_URL: data.databaseUrl,
        ELASTICSEARCH_URL: data.searchUrl,
        DRILL_EXPORT_URL: endpoints.exportUrl,
        DRILL_PUBLIC_BUCKET_URL: publicBucketUrl,
        // production is not anonymised: the post-restore's drill admin, the default, is not there
        DRILL_ADMIN_USER_ID: data.adminUserId,
        DRILL_ADMIN_URL: endpoints.adminUrl,
        DRILL_FRONTEND_URL: endpoints.frontendUrl,
        DRILL_NPM_REGISTRY: registryUrl,
        ...outsideWorldEnv(world),
        DRILL_CONFIG: configPath,
      },
      context: REHEARSAL_CONTEXT,
      backup: data.backup,
      kubernetesVersion: controlPlane.version,
      figures: {
        controlPlaneMs: controlPlane.startupMs,
        nodeMs: node.startupMs,
        pids: [...controlPlane.processes, ...node.processes].map((process) => process.pid),
      },
    };
  });
}
