// The action of tt4/tt5 as a drill runs it: trigger the export when allowed (always on the ephemeral
// target, on a cluster only when DRILL_CONFIRM_EXPORT names the environment), and record what it
// exported and how fast. Returns the status row; the drill asserts on it.
import { actionDone } from './apply-mutation.ts';
import { recordMeasure, warn } from './drill-meta.ts';
import { useRunOptions } from './run-context.ts';
import { readExportDrillConfig, readExportTimeoutMs } from '../export/export-drill-config.ts';
import { EXPORT_TASKS, type ExportEnvironment } from '../export/export-environment.ts';
import type { ExportStatusRow } from '../export/export-status.ts';
import { runExportStep } from '../export/export-step.ts';

/** The `it` timeout of the export action: the configured export limit, plus a minute to read back. */
export function exportActionTimeoutMs(): number {
  return readExportTimeoutMs() + 60_000;
}

/** Whether the drill triggers the export (then checks what it just exported) or reads the latest one. */
export function mayTriggerExport(environment: ExportEnvironment): boolean {
  return useRunOptions().target === 'ephemeral' || readExportDrillConfig().confirmed.includes(environment);
}

export async function runMeasuredExport(environment: ExportEnvironment): Promise<ExportStatusRow> {
  const config = readExportDrillConfig();
  const mayTrigger = mayTriggerExport(environment);
  if (!mayTrigger)
    warn(
      `${EXPORT_TASKS[environment]}: DRILL_CONFIRM_EXPORT does not name ${environment}: no export triggered, the latest one is checked`,
    );
  const step = await runExportStep(config, environment, mayTrigger);
  const documents = step.row.documentsCount?.total ?? 0;
  recordMeasure('documentsExported', documents, 'documents');
  if (step.triggered) {
    recordMeasure('exportDuration', step.durationMs / 1000, 's');
    recordMeasure('exportThroughput', Math.round((documents * 1000) / step.durationMs), 'documents/s');
  }
  await actionDone();
  return step.row;
}
