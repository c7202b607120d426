// The cron-ingester CronJob as cdtn-admin declares it (.kontinuous/templates/ingester.cronjob.yaml:
// schedule, concurrencyPolicy, backoffLimit, activeDeadlineSeconds, the update-ingester container
// and its resources), for an API server that has none: the ephemeral drill's and the tests'.
import type { V1CronJob } from '@kubernetes/client-node';
import type { KubeClient } from './kube-client.ts';

export const CRON_INGESTER = 'cron-ingester';

export interface CronIngesterOptions {
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  /** Default: the ingester image of cdtn-admin v2.77.9, the release the reference notes describe. */
  image?: string;
}

export function cronIngesterManifest(options: CronIngesterOptions = {}): V1CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: CRON_INGESTER },
    spec: {
      schedule: '0 1 * * *',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        metadata: { labels: { app: 'ingester' } },
        spec: {
          backoffLimit: options.backoffLimit ?? 1,
          activeDeadlineSeconds: options.activeDeadlineSeconds ?? 21_600,
          template: {
            spec: {
              restartPolicy: 'Never',
              containers: [
                {
                  name: 'update-ingester',
                  image: options.image ?? 'ghcr.io/socialgouv/cdtn-admin/ingester:v2.77.9',
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

/** Creates the CronJob in the client's namespace (the caller's own API server: no call is recorded). */
export function createCronIngester(client: KubeClient, options?: CronIngesterOptions): Promise<V1CronJob> {
  return client.batch.createNamespacedCronJob({
    namespace: client.namespace,
    body: cronIngesterManifest(options),
  });
}
