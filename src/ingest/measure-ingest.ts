// The ingester's figures for the bench: documents/s per package (in each result), total time and
// the peak memory of the process while it ran (RSS and heap sampled; the RSS high-water mark too).
import type pg from 'pg';
import { ingestPackages, type IngestOptions } from './ingest-packages.ts';
import type { IngestResult } from './ingest-result.ts';

export interface IngestMeasure {
  results: IngestResult[];
  totalMs: number;
  /** Highest resident set size sampled during the run. */
  peakRssBytes: number;
  /** Highest V8 heap used sampled during the run. */
  peakHeapUsedBytes: number;
  /** The process's RSS high-water mark since it started (getrusage), which bounds the above. */
  maxRssSinceStartBytes: number;
}

const SAMPLE_EVERY_MS = 20;

export async function measureIngest(pool: pg.Pool, options: IngestOptions = {}): Promise<IngestMeasure> {
  let peakRssBytes = 0;
  let peakHeapUsedBytes = 0;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRssBytes = Math.max(peakRssBytes, rss);
    peakHeapUsedBytes = Math.max(peakHeapUsedBytes, heapUsed);
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  const started = performance.now();
  try {
    const results = await ingestPackages(pool, options);
    sample();
    return {
      results,
      totalMs: performance.now() - started,
      peakRssBytes,
      peakHeapUsedBytes,
      maxRssSinceStartBytes: process.resourceUsage().maxRSS * 1024,
    };
  } finally {
    clearInterval(timer);
  }
}
