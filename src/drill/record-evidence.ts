// What a drill hands to the run's evidence: the versions it found (recordVersion) and the backup
// manifest it checked (recordBackupManifest). Both are written into the run's folder, which drill
// files share (they run one at a time); the reporter reads them back (src/report/evidence).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readDrillVariables } from '../config/index.ts';

export const VERSIONS_FILE = 'versions.json';
export const MANIFEST_DIR = 'manifest';

export type RunVersions = Record<string, string>;

/** The run's folder, set by `cdtn-drill run` for the drill workers (src/cli/run-command.ts). */
function runReportDir(): string | undefined {
  return readDrillVariables().DRILL_RUN_REPORT_DIR;
}

function requireRunDir(call: string, runDir: string | undefined): string {
  if (runDir === undefined || runDir === '')
    throw new Error(`${call}: DRILL_RUN_REPORT_DIR is not set; drills run through cdtn-drill run`);
  return runDir;
}

/** Records a version for the report, e.g. recordVersion('PostgreSQL', '15.8'). */
export function recordVersion(name: string, value: string, runDir = runReportDir()): void {
  const dir = requireRunDir(`recordVersion(${name})`, runDir);
  const versions = readRecordedVersions(dir);
  versions[name] = value;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, VERSIONS_FILE), `${JSON.stringify(versions, null, 2)}\n`);
}

/** The manifest is copied under manifest/ (an ephemeral run's fixture manifest is named by no variable). */
export function recordBackupManifest(manifestPath: string, runDir = runReportDir()): void {
  const dir = requireRunDir(`recordBackupManifest(${manifestPath})`, runDir);
  mkdirSync(join(dir, MANIFEST_DIR), { recursive: true });
  try {
    copyFileSync(manifestPath, join(dir, MANIFEST_DIR, basename(manifestPath)));
  } catch (error) {
    throw new Error(`recordBackupManifest: cannot copy the backup manifest ${manifestPath}`, {
      cause: error,
    });
  }
}

export function readRecordedVersions(runDir: string): RunVersions {
  const path = join(runDir, VERSIONS_FILE);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as RunVersions;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`cannot read the recorded versions ${path}`, { cause: error });
  }
}

const REINGESTED_PREFIX = 'reingested ';
const BACKUP_VERSION_SUFFIX = ' in the backup';

/** The measure tt3 records per package it re-ingested: its documents (the report's RPO reads it). */
export function reingestedMeasureName(packageName: string): string {
  return `${REINGESTED_PREFIX}${packageName}`;
}

/** The package a reingestedMeasureName names, or undefined for another measure. */
export function reingestedPackageOf(measureName: string): string | undefined {
  return measureName.startsWith(REINGESTED_PREFIX) ? measureName.slice(REINGESTED_PREFIX.length) : undefined;
}

/** The version tt3 records for a package as the backup had it (the served one is under its name). */
export function backupVersionName(packageName: string): string {
  return `${packageName}${BACKUP_VERSION_SUFFIX}`;
}
