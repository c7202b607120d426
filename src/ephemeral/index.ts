export { startEphemeralServices, type EphemeralServices } from './start-ephemeral-services.ts';
export { createIngestJob } from './ingest-job.ts';
// The Kubernetes API's stand-ins (test doubles: never part of src/k8s's public index).
export {
  startJobController,
  type JobController,
  type JobControllerOptions,
  type JobWorkContext,
} from './job-controller.ts';
export { startLocalCluster, type LocalCluster, type LocalClusterOptions } from './start-local-cluster.ts';
export {
  startTestApiServer,
  type ApiAnswer,
  type StartedTestApiServer,
  type TestApiServerOptions,
} from './start-test-api-server.ts';
