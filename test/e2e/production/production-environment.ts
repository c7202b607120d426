// An environment prepared like production, and the variables a real cluster run is given to reach
// it: PostgreSQL and the engine (production-data), a real Kubernetes control plane (production-cluster), the npm
// registry and the outside world over HTTP on 127.0.0.1. Everything started is stopped by stop(),
// also when the preparation fails halfway.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUNBOOK_DEFAULTS } from '../../../src/config/index.ts';
import { NEWER } from '../../ingest/fake-registry-server.ts';
import { startProductionCluster } from './production-cluster.ts';
import { startProductionData } from './production-data.ts';
import { startRecordedWorld } from './recorded-world.ts';
import { startRegistryServer } from './registry-server.ts';
import { startAll, type Stoppable } from './start-all.ts';

/** Recorded in fixtures/http/ (admin.json, s3.json); the runbook gives no default for them. */
const ADMIN_URL = 'https://cdtn-admin.fabrique.social.gouv.fr';
const S3_URL = 'https://cdtn-prod-public.s3.gra.io.cloud.ovh.net/published/agreements/index.json';

export interface ProductionEnvironment extends Stoppable {
  /** What `cdtn-drill run --target cluster` is given in production. */
  env: Record<string, string>;
  backup: { dumpPath: string; manifestPath: string };
}

export function startProductionEnvironment(log: (line: string) => void): Promise<ProductionEnvironment> {
  return startAll(async (onStop) => {
    // The newer versions came out the day before: last night's ingestion took them.
    const registry = await startRegistryServer(NEWER, 30);
    onStop(() => registry.close());
    const world = await startRecordedWorld();
    onStop(() => world.close());
    const data = await startProductionData(registry.url, log);
    onStop(() => data.stop());
    log("starting a Kubernetes control plane with production's namespaces");
    const cluster = await startProductionCluster();
    onStop(() => cluster.stop());

    const { github, sideServices, frontend } = RUNBOOK_DEFAULTS;
    const oldHost = 'recherche-entreprises (runbook host)';
    // The one service without a variable: the drill's config file points it at the recordings.
    const configDir = await mkdtemp(join(tmpdir(), 'cdtn-e2e-config-'));
    onStop(() => rm(configDir, { recursive: true, force: true }));
    const configPath = join(configDir, 'drill-config.json');
    const config = { sideServices: { [oldHost]: { url: world.urlOf(sideServices[oldHost].url) } } };
    await writeFile(configPath, JSON.stringify(config));
    const env = {
      KUBECONFIG: cluster.kubeconfigPath,
      DATABASE_URL: data.databaseUrl,
      ELASTICSEARCH_URL: data.searchUrl,
      DRILL_EXPORT_URL: data.exportUrl,
      DRILL_NPM_REGISTRY: registry.url,
      DRILL_GITHUB_API_URL: world.urlOf(github.apiUrl),
      DRILL_ENTERPRISE_API_URL: world.urlOf(sideServices['recherche-entreprises'].url),
      DRILL_SERVING_ML_URL: world.urlOf(sideServices['serving-ml'].url),
      DRILL_MATOMO_URL: world.urlOf(sideServices.matomo.url),
      DRILL_SENTRY_URL: world.urlOf(sideServices.sentry.url),
      DRILL_S3_URL: world.urlOf(S3_URL),
      DRILL_FRONTEND_URL: world.urlOf(frontend.url),
      DRILL_ADMIN_URL: world.urlOf(ADMIN_URL),
      DRILL_CONFIG: configPath,
    };
    log('ready');
    return { env, backup: data.backup };
  });
}
