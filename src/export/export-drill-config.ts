// Settings of the export drills (tt4, tt5), from DRILL_EXPORT_URL, DRILL_EXPORT_TIMEOUT_MS,
// DRILL_EXPORT_POLL_MS, DRILL_ADMIN_USER_ID, DRILL_CONFIRM_EXPORT and DRILL_PUBLIC_BUCKET_URL (src/config declares and
// checks them). Without DRILL_CONFIRM_EXPORT the cluster drill only reads.
import { readDrillVariables } from '../config/index.ts';
import type { ExportEnvironment } from './export-environment.ts';

export interface ExportDrillConfig {
  exportUrl: string;
  timeoutMs: number;
  pollMs: number;
  userId: string;
  confirmed: ExportEnvironment[];
  publicBucketUrl: string;
}

/** The export's time limit alone, readable at collection time (a test's timeout) without the URL. */
export function readExportTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  return readDrillVariables(env).DRILL_EXPORT_TIMEOUT_MS;
}

export function readExportDrillConfig(env: NodeJS.ProcessEnv = process.env): ExportDrillConfig {
  const variables = readDrillVariables(env);
  if (variables.DRILL_EXPORT_URL === undefined)
    throw new Error(
      'export drill configuration: DRILL_EXPORT_URL is not set: expected the URL of the export service',
    );
  return {
    exportUrl: variables.DRILL_EXPORT_URL,
    timeoutMs: variables.DRILL_EXPORT_TIMEOUT_MS,
    pollMs: variables.DRILL_EXPORT_POLL_MS,
    userId: variables.DRILL_ADMIN_USER_ID,
    confirmed: variables.DRILL_CONFIRM_EXPORT ?? [],
    publicBucketUrl: variables.DRILL_PUBLIC_BUCKET_URL.replace(/\/$/, ''),
  };
}
