// An environment prepared like production, and the variables a real cluster run is given to reach
// it: PostgreSQL and the engine (production-data), a real Kubernetes control plane (production-cluster), the npm
// registry and the outside world over HTTP on 127.0.0.1. Everything started is stopped by stop(),
// also when the preparation fails halfway.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNBOOK_DEFAULTS } from '../../../src/config/index.ts';
import { NEWER } from '../../ingest/fake-registry-server.ts';
import {
  outsideWorldConfig,
  outsideWorldEnv,
  RECORDED_ADMIN_URL,
  startAll,
  startProductionServices,
  type Stoppable,
} from '../../../src/rehearsal/index.ts';
import { startTestSearchEngine } from '../../search/index.ts';
import { startProductionCluster } from './production-cluster.ts';

export interface ProductionEnvironment extends Stoppable {
  /** What `cdtn-drill run --target cluster` is given in production. */
  env: Record<string, string>;
  backup: { dumpPath: string; manifestPath: string };
}

export function startProductionEnvironment(log: (line: string) => void): Promise<ProductionEnvironment> {
  return startAll(async (onStop) => {
    const { registryUrl, world, data, publicBucketUrl, stop } = await startProductionServices({
      latest: NEWER,
      log,
      startSearchEngine: async () => {
        const search = await startTestSearchEngine();
        return { ...search, stop: () => search[Symbol.asyncDispose]() };
      },
    });
    onStop(stop);
    log("starting a Kubernetes control plane with production's namespaces");
    const cluster = await startProductionCluster();
    onStop(() => cluster.stop());

    const configDir = await mkdtemp(join(tmpdir(), 'cdtn-e2e-config-'));
    onStop(() => rm(configDir, { recursive: true, force: true }));
    const configPath = join(configDir, 'drill-config.json');
    await writeFile(configPath, JSON.stringify(outsideWorldConfig(world)));
    const env = {
      KUBECONFIG: cluster.kubeconfigPath,
      DATABASE_URL: data.databaseUrl,
      ELASTICSEARCH_URL: data.searchUrl,
      DRILL_EXPORT_URL: data.exportUrl,
      DRILL_PUBLIC_BUCKET_URL: publicBucketUrl,
      DRILL_NPM_REGISTRY: registryUrl,
      ...outsideWorldEnv(world),
      DRILL_FRONTEND_URL: world.urlOf(RUNBOOK_DEFAULTS.frontend.url),
      DRILL_ADMIN_URL: world.urlOf(RECORDED_ADMIN_URL),
      DRILL_CONFIG: configPath,
    };
    log('ready');
    return { env, backup: data.backup };
  });
}
