// Export (issue 6): the preproduction export of the full real dataset (the restored backup after
// the ingestion) against a raw bulk load of the same prepared documents into the same engine,
// --runs (raw, export) pairs, the medians kept: on a shared machine one pair swings either way.
// One unmeasured export first: the measure runs the raw load before the export, and on a freshly
// started engine whichever goes first pays the engine's warm-up (JIT, first index creations).
import { EXPORT_PREFIXES, exportToSearch, measureExportThroughput } from '../src/export/index.ts';
import { DRILL_ADMIN } from '../src/pg/index.ts';
import type { BenchPartSpec } from './bench-part.ts';
import { figure, median, round, SPREAD_TARGET, spreadPercent } from './bench-results.ts';

export const exportPart: BenchPartSpec = {
  part: 'export',
  repetition: (runs) => `median of ${runs} (raw bulk load, export) pairs on the full real dataset`,
  usesWorkbench: true,
  async run(context) {
    const { runs } = context;
    const workbench = await context.workbench();
    // The full real dataset is the one after the ingestion, whether or not the ingest part ran.
    await workbench.ingest();
    const { pg: pool, search } = workbench.env;
    const options = {
      environment: 'preproduction' as const,
      userId: DRILL_ADMIN.id,
      prefix: EXPORT_PREFIXES.preproduction,
      signal: context.signal,
    };
    const warmUp = await exportToSearch({ pool, search }, options);
    const pairs = [];
    for (let round = 0; round < runs; round += 1)
      pairs.push(await measureExportThroughput({ pool, search }, options));
    const documents = pairs[0]?.documents ?? 0;
    const exportMs = median(pairs.map((pair) => pair.exportMs));
    const rawBulkMs = median(pairs.map((pair) => pair.rawBulkMs));
    const perSecond = (ms: number) => Math.round((documents * 1000) / ms);
    const result = {
      documents,
      exportMs,
      rawBulkMs,
      exportDocsPerSecond: perSecond(exportMs),
      rawBulkDocsPerSecond: perSecond(rawBulkMs),
      ratio: round(rawBulkMs / exportMs, 3),
    };
    const ratios = pairs.map((pair) => pair.ratio).join(', ');
    return {
      figures: [
        figure('documents exported', result.documents, 'documents', {
          note: 'documents, suggestions and accords',
        }),
        figure('export throughput', result.exportDocsPerSecond, 'docs/s'),
        figure('raw bulk load throughput', result.rawBulkDocsPerSecond, 'docs/s', {
          note: 'same prepared documents, same index definitions, same engine',
        }),
        figure('export / raw bulk load', result.ratio, 'ratio', {
          target: { comparison: '>=', value: 0.9, source: 'issue 17' },
          note: `of the medians; each pair: ${ratios}`,
        }),
        figure('total export time', round(result.exportMs / 1000), 's', {
          note: 'PostgreSQL reads, shaping, status row, bulk loads, alias swap, cleanup',
        }),
        figure('raw bulk load time', round(result.rawBulkMs / 1000), 's'),
        figure('spread of the raw bulk loads', spreadPercent(pairs.map((pair) => pair.rawBulkMs)), '%', {
          target: SPREAD_TARGET,
          note: '(max − min) / median',
        }),
        figure('spread of the exports', spreadPercent(pairs.map((pair) => pair.exportMs)), '%', {
          target: SPREAD_TARGET,
          note: '(max − min) / median',
        }),
        figure('warm-up export on the fresh engine', round(warmUp.durationMs / 1000), 's', {
          note: 'not in the ratio',
        }),
      ],
      facts: { prefix: EXPORT_PREFIXES.preproduction },
      // The drill exports twice (tt4 preproduction, tt5 production): two raw bulk loads.
      baselines: ['preproduction', 'production'].map((environment) => ({
        name: `raw bulk load of the exported documents (${environment})`,
        seconds: round(rawBulkMs / 1000),
      })),
      versions: workbench.versions,
    };
  },
};
