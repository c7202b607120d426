// The action of tt4/tt5 as a drill runs it: trigger the export when allowed (always on the ephemeral
// target, on a cluster only when DRILL_CONFIRM_EXPORT names the environment), and record what it
// exported and how fast. Returns the status row; the drill asserts on it.
import { actionDone } from './apply-mutation.ts';
import { recordMeasure, warn } from './drill-meta.ts';
import { useRunOptions } from './run-context.ts';
import { readExportDrillConfig, readExportTimeoutMs } from '../export/export-drill-config.ts';
import { EXPORT_PREFIXES, EXPORT_TASKS, type ExportEnvironment } from '../export/export-environment.ts';
import type { ExportStatusRow } from '../export/export-status.ts';
import { runExportStep } from '../export/export-step.ts';
import { readAliasTargets, type AliasTargets } from '../export/alias-swap.ts';
import { useEnv } from './use-env.ts';

/** How export-status.ts words a refusal by another environment's running export. */
const BLOCKED_BY_OTHER_ENVIRONMENT = 'expected no export of another environment running';

/** The `it` timeout of the export action: the configured export limit, plus a minute to read back. */
export function exportActionTimeoutMs(): number {
  return readExportTimeoutMs() + 60_000;
}

/** Whether the drill triggers the export (then checks what it just exported) or reads the latest one. */
export function mayTriggerExport(environment: ExportEnvironment): boolean {
  return useRunOptions().target === 'ephemeral' || readExportDrillConfig().confirmed.includes(environment);
}

/**
 * upstream's deleteOldIndex keeps the newest three older indices, whatever the aliases pointed at:
 * when the previous export's indices are gone, the quick way back is lost.
 */
async function reportLostWayBack(environment: ExportEnvironment, previous: AliasTargets): Promise<void> {
  const search = useEnv().search;
  const left = new Set(await search.listIndices(`${EXPORT_PREFIXES[environment]}_*`));
  const lost = Object.values(previous)
    .flat()
    .filter((index) => !left.has(index));
  if (lost.length > 0)
    warn(
      `${EXPORT_TASKS[environment]}: upstream defect: the export deleted the indices the aliases pointed at ` +
        `before it (${lost.join(', ')}): @socialgouv/cdtn-elasticsearch's deleteOldIndex keeps the newest three ` +
        'older indices, here those a failed export left, so there is no previous export to go back to',
    );
}

export async function runMeasuredExport(environment: ExportEnvironment): Promise<ExportStatusRow> {
  const config = readExportDrillConfig();
  const mayTrigger = mayTriggerExport(environment);
  const previous = mayTrigger
    ? await readAliasTargets(useEnv().search, EXPORT_PREFIXES[environment])
    : undefined;
  if (!mayTrigger)
    warn(
      `${EXPORT_TASKS[environment]}: DRILL_CONFIRM_EXPORT does not name ${environment}: no export triggered, the latest one is checked`,
    );
  const step = await runExportStep(config, environment, mayTrigger).catch((error: unknown) => {
    if (String((error as Error).message).includes(BLOCKED_BY_OTHER_ENVIRONMENT))
      warn(
        `${EXPORT_TASKS[environment]}: upstream defect: export-elasticsearch refuses every export while another ` +
          "environment's is running, however old (only the same environment's times out, after 15 minutes): " +
          'an export that died blocks the other environment until its export_es_status row is changed by hand',
      );
    throw error;
  });
  if (previous && step.triggered) await reportLostWayBack(environment, previous);
  const documents = step.row.documentsCount?.total ?? 0;
  recordMeasure('documentsExported', documents, 'documents');
  if (step.triggered) {
    recordMeasure('exportDuration', step.durationMs / 1000, 's');
    recordMeasure('exportThroughput', Math.round((documents * 1000) / step.durationMs), 'documents/s');
  }
  await actionDone();
  return step.row;
}
