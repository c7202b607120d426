// Export (issue 6): the preproduction export of the full real dataset (the restored backup after
// the ingestion) against a raw bulk load of the same prepared documents into the same engine.
// One unmeasured export first: the measure runs the raw load before the export, and on a freshly
// started engine whichever goes first pays the engine's warm-up (JIT, first index creations).
import { EXPORT_PREFIXES, exportToSearch, measureExportThroughput } from '../src/export/index.ts';
import { DRILL_ADMIN } from '../src/pg/index.ts';
import type { BenchPartSpec } from './bench-part.ts';
import { figure, round } from './bench-results.ts';

export const exportPart: BenchPartSpec = {
  part: 'export',
  repetition: () => '1 run of each (the full real dataset)',
  usesWorkbench: true,
  async run(context) {
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
    const result = await measureExportThroughput({ pool, search }, options);
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
          target: { comparison: '>=', value: 0.8, source: 'issue 6' },
        }),
        figure('total export time', round(result.exportMs / 1000), 's', {
          note: 'PostgreSQL reads, shaping, status row, bulk loads, alias swap, cleanup',
        }),
        figure('raw bulk load time', round(result.rawBulkMs / 1000), 's'),
        figure('warm-up export on the fresh engine', round(warmUp.durationMs / 1000), 's', {
          note: 'not in the ratio',
        }),
      ],
      facts: { prefix: EXPORT_PREFIXES.preproduction },
      versions: workbench.versions,
    };
  },
};
