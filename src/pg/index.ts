export { applySchema, SCHEMA_PATH } from './apply-schema.ts';
export * from './backup-manifest.ts';
export {
  createManifest,
  getDefaultManifestPath,
  readManifestFacts,
  type CreateManifestResult,
} from './create-manifest.ts';
export { DRILL_ADMIN, runPostRestore, type PostRestoreOptions } from './post-restore.ts';
export { KNOWN_CDTN_IDS } from './read-document-facts.ts';
export { ensureIsCustomDump, hashFile, readDumpInfo, type DumpInfo } from './read-dump-info.ts';
export {
  getPgEnv,
  restoreBackup,
  type RestoreBackupOptions,
  type RestoreBackupResult,
} from './restore-backup.ts';
export { RestoreError, formatCount } from './restore-error.ts';
export { startThrowawayPostgres, withClient, type ThrowawayPostgres } from './throwaway-postgres.ts';
export { ensureManifestMatchesDump, loadManifest } from './load-manifest.ts';
export {
  verifyDocumentCounts,
  verifyDocumentSamples,
  verifyNoDuplicateDocuments,
  verifyTables,
  type TablesVerified,
} from './verify-restore.ts';
export { expectedRestoredTotals } from './restored-totals.ts';
export * from './fixture/index.ts';
export {
  decideRestore,
  describeRestorePlan,
  type RestorePlan,
  type RestoreTarget,
} from './decide-restore.ts';
export { describeDatabaseState } from './describe-database-state.ts';
export {
  ENVIRONMENT_KINDS,
  readRestoreConfig,
  resolveEnvironmentKind,
  RESTORE_TEST_SERVERS,
  type EnvironmentKind,
  type RestoreConfig,
  type RestoreTestServer,
} from './restore-config.ts';
export {
  dropScratchDatabase,
  openRestoreTestDatabase,
  scratchDatabaseName,
  type RestoreTestDatabase,
} from './restore-test-database.ts';
export { verifyLiveSources, verifyLiveTables } from './verify-live-database.ts';
export {
  getRecoveryPointSeconds,
  restoreIntoDatabase,
  type RestoreIntoDatabaseOptions,
  type RestoreOutcome,
} from './restore-into-database.ts';
export { resolveBackup, type ResolvedBackup } from './resolve-backup.ts';
export { getTableStats, listTables, type TableRef, type TableStats } from './table-checksums.ts';
export { MANIFEST_USAGE, runManifestCommand } from './manifest-command.ts';
export { benchRestore, type RestoreBenchOptions, type RestoreBenchResult } from './bench-restore.ts';
