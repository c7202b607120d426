import { describe, expect, it } from 'vitest';
import { readExportDrillConfig, readExportTimeoutMs } from './export-drill-config.ts';

describe('readExportDrillConfig', () => {
  it("defaults to the runbook hour, the drill admin, no confirmation and CDTN's public bucket", () => {
    expect(readExportDrillConfig({ DRILL_EXPORT_URL: 'http://export:8787' })).toEqual({
      exportUrl: 'http://export:8787',
      timeoutMs: 3_600_000,
      pollMs: 5000,
      userId: '8babda41-6001-4665-96f5-c430fddb0c53',
      confirmed: [],
      publicBucketUrl: 'https://cdtn-prod-public.s3.gra.io.cloud.ovh.net',
    });
    expect(
      readExportDrillConfig({
        DRILL_EXPORT_URL: 'http://x',
        DRILL_PUBLIC_BUCKET_URL: 'http://127.0.0.1:9000/b/',
      }).publicBucketUrl,
    ).toBe('http://127.0.0.1:9000/b');
  });

  it('reads the confirmed environments, reports every invalid variable at once, and needs the URL', () => {
    expect(
      readExportDrillConfig({
        DRILL_EXPORT_URL: 'http://x',
        DRILL_CONFIRM_EXPORT: 'preproduction, production',
      }).confirmed,
    ).toEqual(['preproduction', 'production']);
    expect(() =>
      readExportDrillConfig({ DRILL_EXPORT_TIMEOUT_MS: '-1', DRILL_CONFIRM_EXPORT: 'prod' }),
    ).toThrow(/DRILL_EXPORT_TIMEOUT_MS: .*\n.*DRILL_CONFIRM_EXPORT: .*received "prod"/);
    expect(() => readExportDrillConfig({})).toThrow(
      'export drill configuration: DRILL_EXPORT_URL is not set: expected the URL of the export service',
    );
  });

  it('gives the time limit alone at collection time', () => {
    expect(readExportTimeoutMs({ DRILL_EXPORT_TIMEOUT_MS: '90000' })).toBe(90_000);
    expect(readExportTimeoutMs({})).toBe(3_600_000);
  });
});
