export { startEphemeralServices, type EphemeralServices } from './start-ephemeral-services.ts';
export { runReferenceIngestion } from './reference-ingestion.ts';
