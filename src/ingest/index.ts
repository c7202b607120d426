export { createCdtnIdGenerator, type CdtnIdGenerator } from './cdtn-id.ts';
export { DATA_PACKAGES, getPackageReader } from './data-packages.ts';
export {
  countCodeDuTravailArticles,
  countFichesTravail,
  countServiceSheets,
  findCodeDuTravailArticles,
} from './expected-counts.ts';
export { formatIngestLogLine, parseIngestLogLines, type IngestedPackageLine } from './ingest-log-line.ts';
export { loadIngestConfig, type IngestConfig } from './ingest-config.ts';
export { measureIngest, type IngestMeasure } from './measure-ingest.ts';
export {
  createRegistryHandlers,
  getServedLatestVersion,
  type RegistryHandlersOptions,
} from './fake-registry.ts';
export { IngestError } from './ingest-error.ts';
export {
  describePartlyUnavailable,
  findDuplicateDocuments,
  fingerprintArticles,
  fingerprintSources,
  getAvailableCounts,
  getPackageVersions,
} from './ingest-facts.ts';
export { ingestPackages, type IngestOptions } from './ingest-packages.ts';
export type { IngestResult, SkipReason } from './ingest-result.ts';
export type { IngestDocument } from './package-reader.ts';
export {
  fillPackageCache,
  getCachedTarballPath,
  getCachedVersions,
  getPackageCacheDir,
  type CachedPackage,
  type FillPackageCacheOptions,
} from './package-cache.ts';
export {
  getNpmRegistryUrl,
  getRegistryUrl,
  resolveRegistryOptions,
  type RegistryOptions,
} from './registry-options.ts';
export { prepareServedRegistry, SERVED_REGISTRY_URL, type ServedRegistry } from './served-registry.ts';
export { ensureLagWithin, measurePackageLag, type PackageLag } from './package-lag.ts';
export { fetchPublishHistory, type PublishHistory } from './registry-client.ts';
