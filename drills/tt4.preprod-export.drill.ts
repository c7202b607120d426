// tt4 — Mise à jour de la preprod: the admin triggers the preproduction export
// (export-elasticsearch); afterwards the cdtn-preprod-v2 aliases serve what PostgreSQL holds.
import { expect, it } from 'vitest';
import {
  assertionId,
  declareExportChecks,
  exportActionTimeoutMs,
  runMeasuredExport,
  task,
} from '../src/drill/index.ts';
import { readExportDrillConfig, type ExportStatusRow } from '../src/export/index.ts';

task('tt4', () => {
  let row: ExportStatusRow | undefined;

  it(
    'the export service answers GET /healthz with {"status":"available"}',
    assertionId('tt4.health'),
    async () => {
      const response = await fetch(new URL('/healthz', readExportDrillConfig().exportUrl));
      expect(await response.json(), 'tt4: GET /healthz of the export service').toEqual({
        status: 'available',
      });
    },
  );

  it(
    'POST /export takes the preproduction export from running to completed',
    assertionId('tt4.export', { timeout: exportActionTimeoutMs() }),
    async () => {
      row = await runMeasuredExport('preproduction');
      expect(row.status).toBe('completed');
    },
  );

  declareExportChecks('preproduction', () => row);
});
