// What must hold on an environment's aliases after its export, the same for tt4 (preproduction) and
// tt5 (production): one `it` each, declared inside the drill's `task(...)` body after its action.
import { expect, it } from 'vitest';
import { assertionId } from './assertion-id.ts';
import { recordMeasure } from './drill-meta.ts';
import { useRunOptions } from './run-context.ts';
import { useEnv } from './use-env.ts';
import { EXPORT_PREFIXES, EXPORT_TASKS, type ExportEnvironment } from '../export/export-environment.ts';
import type { ExportStatusRow } from '../export/export-status.ts';
import { mayTriggerExport } from './run-measured-export.ts';
import { inspectExportAliases } from '../export/verify/alias-inspection.ts';
import { loadManifest } from '../pg/load-manifest.ts';
import { readDrillVariables } from '../config/index.ts';
import { checkPublishedObjects } from '../export/verify/bucket-objects.ts';
import { readExportDrillConfig } from '../export/export-drill-config.ts';
import {
  checkFrontendQueries,
  checkGoldenDocuments,
  checkIndexRetention,
  checkKnownDocuments,
  checkSourceCounts,
  checkSuggestionsAndAccords,
} from '../export/verify/export-checks.ts';

/** `exportedRow` gives the status row the drill's export action recorded (undefined if it failed). */
export function declareExportChecks(
  environment: ExportEnvironment,
  exportedRow: () => ExportStatusRow | undefined,
): void {
  const task = EXPORT_TASKS[environment];
  const prefix = EXPORT_PREFIXES[environment];
  const context = () => ({ task, prefix, pool: useEnv().pg, search: useEnv().search });
  // On the ephemeral target the export reads the restored backup: its manifest is an expectation.
  const manifestPath = readDrillVariables().DRILL_MANIFEST;
  const withManifest = async () =>
    useRunOptions().target === 'ephemeral' && manifestPath
      ? { ...context(), manifest: await loadManifest(manifestPath) }
      : context();

  it(
    'each alias resolves to exactly one index and the three share one timestamp',
    assertionId(`${task}.aliases`),
    async () => {
      const aliases = await inspectExportAliases(useEnv().search, task, prefix);
      expect(Object.values(aliases.indices).every((index) => index.endsWith(`-${aliases.timestamp}`))).toBe(
        true,
      );
    },
  );

  it(
    'per-source counts in the index equal the stored documentsCount (and PostgreSQL, when just exported)',
    assertionId(`${task}.source-counts`),
    async () => {
      const row = exportedRow();
      expect(row, 'the export step recorded no status row').toBeDefined();
      const counts = await checkSourceCounts(
        await withManifest(),
        row as ExportStatusRow,
        mayTriggerExport(environment),
      );
      expect(Object.keys(counts).length).toBeGreaterThan(0);
    },
  );

  it('at most two indices per pattern are kept', assertionId(`${task}.retention`), async () => {
    await checkIndexRetention(context());
  });

  it(
    'known documents fetched by id match PostgreSQL (title, slug, source)',
    assertionId(`${task}.known-documents`),
    async () => {
      expect(await checkKnownDocuments(context())).toBeGreaterThan(0);
    },
  );

  it.runIf(useRunOptions().target === 'ephemeral')(
    "ephemeral only (the golden set is the backup fixture's): the golden documents are indexed with their page's fields",
    assertionId(`${task}.golden-documents`),
    async () => {
      expect(await checkGoldenDocuments(context())).toBeGreaterThan(0);
    },
  );

  it('suggestions and accords in force are indexed', assertionId(`${task}.suggestions-accords`), async () => {
    const exact = useRunOptions().target === 'ephemeral' ? 'exact' : 'non-empty';
    const counts = await checkSuggestionsAndAccords(context(), exact);
    recordMeasure('suggestionsIndexed', counts.suggestions, 'documents');
    recordMeasure('accordsIndexed', counts.accords, 'documents');
  });

  it(
    'the sitemap and agreements/index.json are in the public bucket, written by this export before it completed',
    assertionId(`${task}.published-objects`),
    async () => {
      const row = exportedRow();
      expect(row, 'the export step recorded no status row').toBeDefined();
      const { publicBucketUrl } = readExportDrillConfig();
      const context = { task, pool: useEnv().pg, publicBucketUrl, environment };
      const { agreements } = await checkPublishedObjects(context, row!, mayTriggerExport(environment));
      recordMeasure('agreementsPublished', agreements, 'agreements');
    },
  );

  it(
    'the frontend queries answer through the French analysis chain (plural, accents, article number)',
    assertionId(`${task}.analysis`),
    async () => {
      expect(await checkFrontendQueries(context())).toHaveLength(3);
    },
  );
}
