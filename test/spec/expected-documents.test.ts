// The specification of the documents index, on rows written by hand: available rows per source,
// ministry fiches split per section without the navigation ones, the glossary as one document, and
// the sources no ingestion writes held to the backup's manifest.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema, type BackupManifest } from '../../src/pg/index.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../src/pg/throwaway-postgres.ts';
import { expectDocuments, readGoldenDocuments } from '../../src/spec/index.ts';

let server: ThrowawayPostgres;
let pool: pg.Pool;

const sections = [
  { anchor: 'a', title: 'Question 1 : Qui ?' },
  { anchor: 'b', title: 'Textes de référence' },
  { anchor: 'c', title: "L'info en plus" },
  { anchor: 'd' },
];

beforeAll(async () => {
  server = await startThrowawayPostgres();
  pool = new pg.Pool({ connectionString: server.connectionString });
  await applySchema(pool);
  const rows: [string, string, boolean, object][] = [
    ['c1', 'code_du_travail', true, {}],
    ['c2', 'code_du_travail', true, {}],
    ['c3', 'code_du_travail', false, {}],
    ['f1', 'page_fiche_ministere_travail', true, { sections }],
    ['f2', 'page_fiche_ministere_travail', false, { sections }],
    ['k1', 'contributions', true, {}],
  ];
  for (const [id, source, available, document] of rows)
    await pool.query(
      `INSERT INTO public.documents (cdtn_id, initial_id, title, meta_description, source, slug, text, document, is_available)
       VALUES ($1, $1, $1, '', $2, $1, '', $3, $4)`,
      [id, source, document, available],
    );
  await pool.query(
    `INSERT INTO public.glossary (term, slug, definition) VALUES ('CDD', 'cdd', 'd'), ('CDI', 'cdi', 'd')`,
  );
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await server?.stop();
});

describe('expectDocuments', () => {
  it('counts available rows, the fiche sections upstream indexes and the glossary as one document', async () => {
    const expected = await expectDocuments(pool);
    expect(expected.index).toEqual({
      code_du_travail: 2,
      page_fiche_ministere_travail: 1,
      fiches_ministere_travail: 2,
      contributions: 1,
      glossary: 1,
    });
    expect(expected.documentsCount).toEqual({
      code_du_travail: 2,
      page_fiche_ministere_travail: 1,
      fiches_ministere_travail: 2,
      contributions: 1,
      glossary: 2,
      total: 8,
    });
    expect(expected.driftFromBackup).toEqual([]);
  });

  it("holds the sources no ingestion writes to the backup's manifest, not the ingested ones", async () => {
    const counts = (available: number) => ({ all: available, available, published: available });
    const manifest = {
      documents: { bySource: { contributions: counts(3), code_du_travail: counts(99) }, samples: [] },
    } as unknown as BackupManifest;
    expect((await expectDocuments(pool, manifest)).driftFromBackup).toEqual([
      'contributions: 1 available, the backup held 3',
    ]);
  });
});

describe('the golden set', () => {
  it('names documents of every source the backup fixture holds, each once', () => {
    const golden = readGoldenDocuments();
    expect(new Set(golden.map((d) => d.cdtnId)).size).toBe(golden.length);
    expect([...new Set(golden.map((d) => d.source))].sort()).toEqual([
      'code_du_travail',
      'contributions',
      'conventions_collectives',
      'fiches_service_public',
      'page_fiche_ministere_travail',
      'themes',
    ]);
  });
});
