// Test support: one test API server per test file (stopped by PID in afterAll, even after a
// failure), and a namespace per test.
import type { V1Job } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  startTestApiServer,
  type StartedTestApiServer,
  type TestApiServerOptions,
} from '../../src/ephemeral/start-test-api-server.ts';
import { startJobController, type JobWorkContext } from '../../src/ephemeral/job-controller.ts';
import { loadKubeClient, type KubeClient } from '../../src/k8s/index.ts';

export { createCronIngester } from '../../src/k8s/index.ts';

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

/** Runs body with a job controller doing `run` for every Job of the client's namespace; it must meet no error. */
export async function withController<T>(
  server: StartedTestApiServer,
  client: KubeClient,
  run: (job: V1Job, context: JobWorkContext) => Promise<void>,
  body: () => Promise<T>,
): Promise<T> {
  const controller = await startJobController({
    kubeconfig: server.kubeconfigPath,
    namespace: client.namespace,
    run,
    intervalMs: 50,
  });
  try {
    return await body();
  } finally {
    await controller.stop();
    expect(controller.errors).toEqual([]);
  }
}
