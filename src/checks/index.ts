export { probe, type ProbeOptions, type ProbeDefaults, type ProbeTarget } from './probe.ts';
export type { ProbeResult, FailureKind } from './probe-result.ts';
export { settleProbes, type ProbeReporter } from './settle-probes.ts';
export { CheckError, RequiredServicesError, type CheckErrorDetails } from './check-error.ts';
export { redactUrl, redactSecrets, redactHeaders, secretsOf } from './redact.ts';
export { checkExpectation, pick, type Answer, type ExpectationMismatch } from './check-expectation.ts';
export { classifyFailure, type ClassifiedFailure } from './classify-failure.ts';
export {
  createRecordedHandlers,
  readRecordings,
  recordingSchema,
  HTTP_FIXTURES_DIR,
  type Exchange,
} from './recorded-handlers.ts';
export { networkError, quietRecordedNetworkErrors } from './quiet-network-errors.ts';
export { startOutsideWorld, type OutsideWorld, type OutsideWorldOptions } from './outside-world.ts';
export {
  probeRepository,
  probeLatestRelease,
  probeTag,
  tagOf,
  commitOf,
  resolveDeployRef,
  type DeployRef,
} from './github.ts';
export { probeLatestVersion, latestVersion } from './npm-latest-version.ts';
export { checkBackup, requireBackupPath, type BackupCheck, type CheckBackupOptions } from './check-backup.ts';
export {
  checkPostgresAccess,
  type PostgresAccess,
  type CheckPostgresAccessOptions,
} from './check-postgres-access.ts';
export {
  checkSearchAccess,
  probeIndexName,
  type SearchAccess,
  type CheckSearchAccessOptions,
} from './check-search-access.ts';
export {
  checkPresearch,
  checkSuggest,
  checkIdcc,
  checkLaborCodeArticle,
  readPublishedArticleId,
  readPublishedIdccs,
  type FrontendContractTarget,
} from './check-frontend-contract.ts';
export {
  adminHealthTarget,
  exportHealthTarget,
  frontendCommitTarget,
  frontendSmokeTargets,
} from './delivery-targets.ts';
export { checkRollouts, type RolloutExpectation } from './check-rollouts.ts';
