// Test support: one test API server per test file (stopped by PID in afterAll, even after a
// failure), a namespace per test, and the cron-ingester CronJob as CDTN declares it
// (cdtn-admin .kontinuous/templates/ingester.cronjob.yaml, see the reference notes).
import type { V1CronJob } from '@kubernetes/client-node';
import { afterAll, beforeAll } from 'vitest';
import {
  loadKubeClient,
  startTestApiServer,
  type KubeClient,
  type StartedTestApiServer,
  type TestApiServerOptions,
} from '../../src/k8s/index.ts';

export function useTestApiServer(options: TestApiServerOptions = {}): () => StartedTestApiServer {
  let server: StartedTestApiServer | undefined;
  beforeAll(async () => {
    server = await startTestApiServer(options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (server === undefined) throw new Error('the test API server did not start (see beforeAll)');
    return server;
  };
}

let namespaces = 0;
/** A fresh namespace on the server, so tests sharing a server do not see each other's objects. */
export function clientInNewNamespace(server: StartedTestApiServer): KubeClient {
  return loadKubeClient({
    kubeconfigPath: server.kubeconfigPath,
    namespace: `drill-${process.pid}-${++namespaces}`,
  });
}

export function cronIngester(
  jobSpec: { backoffLimit?: number; activeDeadlineSeconds?: number } = {},
): V1CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'cron-ingester' },
    spec: {
      schedule: '0 1 * * *',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        metadata: { labels: { app: 'ingester' }, annotations: { 'kapp.k14s.io/disable-original': '' } },
        spec: {
          backoffLimit: jobSpec.backoffLimit ?? 1,
          activeDeadlineSeconds: jobSpec.activeDeadlineSeconds ?? 21_600,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [
                {
                  name: 'update-ingester',
                  image: 'ghcr.io/socialgouv/cdtn-admin/ingester:v2.77.9',
                  resources: {
                    requests: { cpu: '1500m', memory: '2560Mi' },
                    limits: { cpu: '2', memory: '3Gi' },
                  },
                },
              ],
            },
          },
        },
      },
    },
  };
}

export async function createCronIngester(
  client: KubeClient,
  jobSpec?: Parameters<typeof cronIngester>[0],
): Promise<V1CronJob> {
  return client.batch.createNamespacedCronJob({ namespace: client.namespace, body: cronIngester(jobSpec) });
}
