// tt5 — Mise à jour de la prod: the admin triggers the production export
// (export-elasticsearch); afterwards the cdtn-prod-v2 aliases serve what PostgreSQL holds, and
// the preproduction aliases and indices are as tt4 left them.
import { expect, it } from 'vitest';
import {
  assertionId,
  declareExportChecks,
  exportActionTimeoutMs,
  runMeasuredExport,
  task,
  useEnv,
} from '../src/drill/index.ts';
import {
  EXPORT_PREFIXES,
  listExportIndices,
  readAliasTargets,
  readExportDrillConfig,
  type ExportStatusRow,
} from '../src/export/index.ts';

/** What production's export must not change: the preproduction aliases and indices. */
async function readPreproduction() {
  const search = useEnv().search;
  const prefix = EXPORT_PREFIXES.preproduction;
  return {
    aliases: await readAliasTargets(search, prefix),
    indices: await listExportIndices(search, prefix),
  };
}

task('tt5', () => {
  let row: ExportStatusRow | undefined;
  let preproductionBefore: Awaited<ReturnType<typeof readPreproduction>> | undefined;

  it(
    'the export service answers GET /healthz with {"status":"available"}',
    assertionId('tt5.health'),
    async () => {
      const response = await fetch(new URL('/healthz', readExportDrillConfig().exportUrl));
      expect(await response.json(), 'tt5: GET /healthz of the export service').toEqual({
        status: 'available',
      });
    },
  );

  it(
    'POST /export takes the production export from running to completed',
    assertionId('tt5.export', { timeout: exportActionTimeoutMs() }),
    async () => {
      preproductionBefore = await readPreproduction();
      row = await runMeasuredExport('production');
      expect(row.status).toBe('completed');
    },
  );

  declareExportChecks('production', () => row);

  it(
    'the production export leaves the preproduction aliases and indices untouched',
    assertionId('tt5.preprod-untouched'),
    async () => {
      expect(preproductionBefore, 'the export step did not read the preproduction aliases').toBeDefined();
      const after = await readPreproduction();
      expect(after.aliases, 'tt5: the preproduction aliases after the production export').toEqual(
        preproductionBefore?.aliases,
      );
      expect(after.indices, 'tt5: the preproduction indices after the production export').toEqual(
        preproductionBefore?.indices,
      );
    },
  );
});
