// The action of tt4/tt5, the same for both targets: trigger `POST /export` on the configured
// service and wait for the run to complete. On a cluster without the confirmation naming the
// environment, nothing is triggered: the latest recorded export is what the checks then read.
import type { ExportDrillConfig } from './export-drill-config.ts';
import { EXPORT_TASKS, type ExportEnvironment } from './export-environment.ts';
import { ExportError } from './export-error.ts';
import { fetchLatestExports, triggerExport, waitForExport } from './export-client.ts';
import type { ExportStatusRow } from './export-status.ts';

export interface ExportStep {
  row: ExportStatusRow;
  /** False when the drill only read the latest export (cluster, not confirmed). */
  triggered: boolean;
  durationMs: number;
}

export async function runExportStep(
  config: ExportDrillConfig,
  environment: ExportEnvironment,
  mayTrigger: boolean,
  signal?: AbortSignal,
): Promise<ExportStep> {
  const started = Date.now();
  if (!mayTrigger) {
    const row = (await fetchLatestExports(config.exportUrl, environment, signal))[environment];
    if (!row) {
      throw new ExportError({
        task: EXPORT_TASKS[environment],
        object: `${config.exportUrl}/export/latest`,
        problem: `no ${environment} export recorded`,
        expected: 'a completed export',
      });
    }
    return { row, triggered: false, durationMs: Date.now() - started };
  }
  const trigger = await triggerExport(config.exportUrl, environment, config.userId, signal);
  const row = await waitForExport(config.exportUrl, environment, {
    timeoutMs: config.timeoutMs,
    pollMs: config.pollMs,
    signal,
    since: trigger.previous,
  });
  return { row, triggered: true, durationMs: Date.now() - started };
}
