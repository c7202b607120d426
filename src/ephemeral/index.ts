export { startEphemeralServices, type EphemeralServices } from './start-ephemeral-services.ts';
export { runReferenceIngestion, type ReferenceIngestion } from './reference-ingestion.ts';
