// tt5 — Mise à jour de la prod: the admin triggers the production export
// (export-elasticsearch); afterwards the cdtn-prod-v2 aliases serve what PostgreSQL holds.
import { expect, it } from 'vitest';
import { recordMeasure, task, useEnv, useRunOptions, warn } from '../src/drill/index.ts';
import {
  checkFrontendQueries,
  checkIndexRetention,
  checkKnownDocuments,
  checkSourceCounts,
  checkSuggestionsAndAccords,
  EXPORT_PREFIXES,
  inspectExportAliases,
  listExportIndices,
  readAliasTargets,
  readExportDrillConfig,
  readExportTimeoutMs,
  runExportStep,
  type AliasTargets,
  type ExportStatusRow,
} from '../src/export/index.ts';

const environment = 'production';
const prefix = EXPORT_PREFIXES[environment];

task('tt5', () => {
  let row: ExportStatusRow | undefined;
  let preproductionBefore: { aliases: AliasTargets; indices: unknown } | undefined;
  const context = () => ({ task: 'tt5', prefix, pool: useEnv().pg, search: useEnv().search });

  it('the export service answers GET /healthz with {"status":"available"}', async () => {
    const response = await fetch(new URL('/healthz', readExportDrillConfig().exportUrl));
    expect(await response.json()).toEqual({ status: 'available' });
  });

  it(
    'POST /export takes the production export from running to completed',
    { timeout: readExportTimeoutMs() + 60_000 },
    async () => {
      const config = readExportDrillConfig();
      const mayTrigger = useRunOptions().target === 'ephemeral' || config.confirmed.includes(environment);
      if (!mayTrigger)
        warn(
          'tt5: DRILL_CONFIRM_EXPORT does not name production: no export triggered, the latest one is checked',
        );
      const search = useEnv().search;
      const preprod = EXPORT_PREFIXES.preproduction;
      preproductionBefore = {
        aliases: await readAliasTargets(search, preprod),
        indices: await listExportIndices(search, preprod),
      };
      const step = await runExportStep(config, environment, mayTrigger);
      row = step.row;
      const documents = row.documentsCount?.total ?? 0;
      recordMeasure('documentsExported', documents, 'documents');
      if (step.triggered) {
        recordMeasure('exportDuration', step.durationMs / 1000, 's');
        recordMeasure('exportThroughput', Math.round((documents * 1000) / step.durationMs), 'documents/s');
      }
      expect(row.status).toBe('completed');
    },
  );

  it('each alias resolves to exactly one index and the three share one timestamp', async () => {
    const aliases = await inspectExportAliases(useEnv().search, 'tt5', prefix);
    expect(Object.values(aliases.indices).every((index) => index.endsWith(`-${aliases.timestamp}`))).toBe(
      true,
    );
  });

  it('per-source counts in the index equal PostgreSQL and the stored documentsCount', async () => {
    expect(row, 'the export step recorded no status row').toBeDefined();
    const counts = await checkSourceCounts(context(), row as ExportStatusRow);
    expect(Object.keys(counts).length).toBeGreaterThan(0);
  });

  it('at most two indices per pattern are kept', async () => {
    await checkIndexRetention(context());
  });

  it('known documents fetched by id match PostgreSQL (title, slug, source)', async () => {
    expect(await checkKnownDocuments(context())).toBeGreaterThan(0);
  });

  it('suggestions and accords in force are indexed', async () => {
    const exact = useRunOptions().target === 'ephemeral' ? 'exact' : 'non-empty';
    const counts = await checkSuggestionsAndAccords(context(), exact);
    recordMeasure('suggestionsIndexed', counts.suggestions, 'documents');
    recordMeasure('accordsIndexed', counts.accords, 'documents');
  });

  it('the frontend queries answer through the French analysis chain (plural, accents, article number)', async () => {
    expect(await checkFrontendQueries(context())).toHaveLength(3);
  });

  it('the production export leaves the preproduction aliases and indices untouched', async () => {
    expect(preproductionBefore, 'the export step did not read the preproduction aliases').toBeDefined();
    const search = useEnv().search;
    const preprod = EXPORT_PREFIXES.preproduction;
    expect(await readAliasTargets(search, preprod)).toEqual(preproductionBefore?.aliases);
    expect(await listExportIndices(search, preprod)).toEqual(preproductionBefore?.indices);
  });
});
