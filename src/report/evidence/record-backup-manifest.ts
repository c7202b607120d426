// A drill that checked a backup hands its manifest to the evidence bundle (an ephemeral run's
// fixture manifest is named by no variable): it is copied into the run's folder, under manifest/.
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

export const MANIFEST_DIR = 'manifest';
/** Set by `cdtn-drill run` for the drill workers (src/cli/run-command.ts). */
const RUN_DIR_VARIABLE = 'DRILL_RUN_REPORT_DIR';

export function recordBackupManifest(manifestPath: string, runDir = process.env[RUN_DIR_VARIABLE]): void {
  if (runDir === undefined || runDir === '')
    throw new Error(
      `recordBackupManifest(${manifestPath}): ${RUN_DIR_VARIABLE} is not set; drills run through cdtn-drill run`,
    );
  mkdirSync(join(runDir, MANIFEST_DIR), { recursive: true });
  try {
    copyFileSync(manifestPath, join(runDir, MANIFEST_DIR, basename(manifestPath)));
  } catch (error) {
    throw new Error(`recordBackupManifest: cannot copy the backup manifest ${manifestPath}`, {
      cause: error,
    });
  }
}
