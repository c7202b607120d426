// Ingestion (issue 5): the real data packages served as latest by the fake registry (msw, tarballs
// from the local cache), ingested into the restored backup: documents/s per package, total time,
// peak memory of the process.
import { getPackageReader } from '../src/ingest/index.ts';
import type { BenchPartSpec } from './bench-part.ts';
import { figure, MIB, round, type BenchFigure } from './bench-results.ts';

export const ingestPart: BenchPartSpec = {
  part: 'ingest',
  repetition: () => '1 run (the full real packages)',
  usesWorkbench: true,
  async run(context) {
    const workbench = await context.workbench();
    const { measure, latest } = await workbench.ingest();
    const figures: BenchFigure[] = [];
    const facts: Record<string, string> = {};
    for (const result of measure.results) {
      const name = `${result.package}@${result.toVersion}`;
      if (result.skipped) {
        facts[result.package] = `skipped: ${result.skippedReason ?? result.skipped}`;
        continue;
      }
      // kali-data writes no documents (kali_articles only): its throughput is in rows.
      if (getPackageReader(result.package).source)
        figures.push(figure(`${name} documents`, Math.round(result.documentsPerSecond), 'docs/s'));
      else figures.push(figure(`${name} rows`, Math.round(result.rowsPerSecond), 'rows/s'));
      figures.push(
        figure(`${name} time`, round(result.durationMs / 1000), 's', {
          note: `download ${ms(result.phasesMs.download)}, read ${ms(result.phasesMs.read)}, write ${ms(result.phasesMs.write)}`,
        }),
      );
      facts[result.package] =
        `${result.fromVersion ?? '(none)'} → ${result.toVersion}: ${result.documentsUpserted} documents, ${result.legiArticlesUpserted + result.kaliArticlesUpserted} articles`;
    }
    figures.push(
      figure('total ingest time', round(measure.totalMs / 1000), 's'),
      figure('peak RSS during ingest', round(measure.peakRssBytes / MIB, 0), 'MiB', {
        note: `sampled every 20 ms; process high-water mark ${round(measure.maxRssSinceStartBytes / MIB, 0)} MiB`,
      }),
      figure('peak V8 heap used during ingest', round(measure.peakHeapUsedBytes / MIB, 0), 'MiB'),
    );
    facts['served as latest'] = Object.entries(latest)
      .map(([name, version]) => `${name}@${version}`)
      .join(', ');
    const baselines = [
      { name: 'ingestion run directly (no Job, no checks)', seconds: round(measure.totalMs / 1000) },
    ];
    return { figures, facts, versions: workbench.versions, baselines };
  },
};

function ms(value: number): string {
  return `${(value / 1000).toFixed(1)} s`;
}
