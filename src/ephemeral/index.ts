export { startEphemeralServices, type EphemeralServices } from './start-ephemeral-services.ts';
export { createIngestJob } from './ingest-job.ts';
