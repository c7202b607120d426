// What the ephemeral drill has instead of a cluster: the test API server, the cron-ingester
// CronJob in it, and a job controller that runs the given work for every Job created there. The
// drill then drives it with the same code as a real cluster (runJobFromCronJob).
import type { V1Job } from '@kubernetes/client-node';
import { createCronIngester, type CronIngesterOptions } from '../k8s/cron-ingester.ts';
import { startJobController, type JobWorkContext } from './job-controller.ts';
import { loadKubeClient } from '../k8s/kube-client.ts';
import { startTestApiServer } from './start-test-api-server.ts';

export interface LocalClusterOptions {
  /** The work of every Job (the reference ingester for cron-ingester-manual). */
  run: (job: V1Job, context: JobWorkContext) => Promise<void>;
  namespace?: string;
  cronIngester?: CronIngesterOptions;
}

export interface LocalCluster {
  readonly kubeconfigPath: string;
  readonly context: string;
  readonly namespace: string;
  /** Errors met by the job controller (jobs it could not finish). */
  readonly controllerErrors: Error[];
  stop(): Promise<void>;
}

export async function startLocalCluster(options: LocalClusterOptions): Promise<LocalCluster> {
  const server = await startTestApiServer({ namespace: options.namespace ?? 'cdtn-admin' });
  try {
    await createCronIngester(loadKubeClient({ kubeconfigPath: server.kubeconfigPath }), options.cronIngester);
    const controller = await startJobController({
      kubeconfig: server.kubeconfigPath,
      namespace: server.namespace,
      run: options.run,
    });
    return {
      kubeconfigPath: server.kubeconfigPath,
      context: server.context,
      namespace: server.namespace,
      controllerErrors: controller.errors,
      async stop() {
        try {
          await controller.stop();
        } finally {
          await server.stop();
        }
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
