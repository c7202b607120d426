import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../src/search/index.ts';
import {
  aliasName,
  exportToSearch,
  ExportRefusedError,
  getLatestExports,
  INDEX_KINDS,
  readAliasTargets,
} from '../../src/export/index.ts';
import {
  countIndexBySource,
  deriveQueryProbes,
  inspectExportAliases,
  listExportIndices,
  pickKnownDocuments,
  runQueryProbe,
} from '../../src/export/index.ts';
import { createSearchEngine } from '../../src/search/index.ts';
import { expectDocuments } from '../../src/spec/index.ts';
import { checkIdcc, readPublishedIdccs } from '../../src/checks/index.ts';
import { startCuttableProxy } from './cuttable-proxy.ts';
import { DRILL_ADMIN_ID, startExportFixture, type ExportFixture } from './export-fixture.ts';
import { startTestSearchEngine, type TestSearchEngine } from '../search/index.ts';

let fixture: ExportFixture;
let engine: TestSearchEngine;
let search: SearchEngine;
// upstream's deleteOldIndex reads `<word>-<digits>` in names: no digit after the dash
const prefix = `cdtn-test-x${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  fixture = await startExportFixture();
  engine = await startTestSearchEngine();
  search = engine.engine;
});

afterAll(async () => {
  for (const index of await search.listIndices(`${prefix}_*`)) await search.deleteIndex(index);
  await engine?.[Symbol.asyncDispose]();
  await fixture[Symbol.asyncDispose]();
});

describe('exportToSearch', () => {
  it('indexes every available document, records the counts and moves the three aliases to one timestamp', async () => {
    const result = await exportToSearch(
      { pool: fixture.pool, search },
      { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
    );

    const expected = await expectDocuments(fixture.pool);
    expect(await countIndexBySource(search, aliasName(prefix, 'documents'))).toEqual(expected.index);
    expect(result.documentsCount).toEqual(expected.documentsCount);
    const targets = await readAliasTargets(search, prefix);
    for (const kind of INDEX_KINDS) expect(targets[kind]).toEqual([result.indices[kind]]);

    const latest = (await getLatestExports(fixture.pool)).preproduction;
    expect(latest).toMatchObject({
      id: result.id,
      status: 'completed',
      error: null,
      documentsCount: expected.documentsCount,
    });
  });

  it('refuses an export while another environment is running', async () => {
    await fixture.pool.query(
      `INSERT INTO public.export_es_status (id, status, user_id, environment) VALUES ($1, 'running', $2, 'production')`,
      [randomUUID(), DRILL_ADMIN_ID],
    );
    try {
      await expect(
        exportToSearch(
          { pool: fixture.pool, search },
          { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
        ),
      ).rejects.toThrow(ExportRefusedError);
    } finally {
      await fixture.pool.query(`DELETE FROM public.export_es_status WHERE status = 'running'`);
    }
  });

  it('keeps the live index and the previous one per pattern after another export', async () => {
    const before = await inspectExportAliases(search, 'tt4', prefix);
    const again = await exportToSearch(
      { pool: fixture.pool, search },
      { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
    );
    const third = await exportToSearch(
      { pool: fixture.pool, search },
      { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
    );

    const live = await inspectExportAliases(search, 'tt4', prefix);
    expect(live.timestamp).toBe(third.timestamp);
    const indices = await listExportIndices(search, prefix);
    for (const kind of INDEX_KINDS)
      expect(indices[kind].sort()).toEqual([again.indices[kind], third.indices[kind]].sort());
    expect(third.deletedIndices).toEqual(expect.arrayContaining(Object.values(before.indices)));
  });

  it('answers the frontend queries of derived terms through the French analysis chain', async () => {
    const probes = await deriveQueryProbes(fixture.pool);
    expect(probes.map((probe) => probe.kind).sort()).toEqual(['accent', 'article-id', 'plural']);
    for (const probe of probes) {
      const outcome = await runQueryProbe(search, aliasName(prefix, 'documents'), probe);
      expect(outcome, `${probe.kind} "${probe.query}" for ${probe.cdtnId} (${probe.title})`).toEqual({
        found: true,
        foundByPlainTitle: false,
      });
    }
  });

  it('serves known documents by id as PostgreSQL has them', async () => {
    const known = await pickKnownDocuments(fixture.pool);
    expect(known.length).toBeGreaterThan(0);
    for (const document of known) {
      const indexed = await search.getById(aliasName(prefix, 'documents'), document.cdtnId);
      expect(indexed).toMatchObject({
        cdtnId: document.cdtnId,
        title: document.title,
        slug: document.slug,
        source: document.source,
      });
    }
  });

  it('indexes the conventions for the idcc search: first when asked their number, contributions flagged', async () => {
    const published = await readPublishedIdccs(fixture.pool);
    expect(published.length).toBeGreaterThan(0);
    const target = { search, aliasPrefix: prefix, task: 'tt4' };
    for (const idcc of published) await checkIdcc(target, idcc);
    const { rows } = await fixture.pool.query<{ cdtn_id: string; num: number; answered: boolean }>(
      `SELECT cdtn_id, (document->>'num')::int AS num, EXISTS (
         SELECT 1 FROM documents c WHERE c.source = 'contributions' AND c.is_published AND c.is_available
            AND (c.document->>'idcc')::int = (d.document->>'num')::int) AS answered
         FROM documents d WHERE source = 'conventions_collectives' AND is_available AND is_published`,
    );
    expect(rows.map((row) => row.answered)).toContain(true);
    expect(rows.map((row) => row.answered)).toContain(false);
    for (const row of rows) {
      const indexed = await search.getById<Record<string, unknown>>(
        aliasName(prefix, 'documents'),
        row.cdtn_id,
      );
      expect(indexed).toMatchObject({ num: row.num, contributions: row.answered });
      expect(indexed?.description).toMatch(/questions-réponses/);
    }
  });

  it('fails on bulk item errors, listing the rejected document ids, and leaves the aliases on the previous export', async () => {
    const before = await inspectExportAliases(search, 'tt4', prefix);
    await fixture.pool.query(
      `INSERT INTO public.documents (cdtn_id, initial_id, title, meta_description, source, slug, text, document, is_available)
       VALUES ('0badda7e01', 'bad-date', 'Date illisible', '', 'information', 'date-illisible', 'x', '{"date": "pas une date"}', true)`,
    );
    try {
      const failure = exportToSearch(
        { pool: fixture.pool, search },
        { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
      );
      await expect(failure).rejects.toThrow(
        /tt4: index cdtn-test-\w+_documents-\d+: bulk batch 1: 1 of \d+ documents rejected.*\[0badda7e01\] 400 \w*mapper_parsing_exception/,
      );
    } finally {
      await fixture.pool.query(`DELETE FROM public.documents WHERE cdtn_id = '0badda7e01'`);
    }
    const latest = (await getLatestExports(fixture.pool)).preproduction;
    expect(latest?.status).toBe('failed');
    expect(latest?.error).toMatch(/0badda7e01/);
    expect((await inspectExportAliases(search, 'tt4', prefix)).indices).toEqual(before.indices);
  });

  it('refuses to move aliases found pointing at an unexpected index', async () => {
    const before = await readAliasTargets(search, prefix);
    const foreign = `${prefix}-foreign`;
    await search.createIndex(foreign, {});
    await search.updateAliases([{ add: { index: foreign, alias: aliasName(prefix, 'suggestions') } }]);
    try {
      await expect(
        exportToSearch(
          { pool: fixture.pool, search },
          { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
        ),
      ).rejects.toThrow(
        new RegExp(
          `tt4: aliases ${prefix}_\\*: alias points at an unexpected index.*found ${prefix}_suggestions → ${foreign}`,
        ),
      );
      await expect(inspectExportAliases(search, 'tt4', prefix)).rejects.toThrow(
        /resolves to 2 indices.*unexpected index/,
      );
      expect((await readAliasTargets(search, prefix)).documents).toEqual(before.documents);
    } finally {
      await search.deleteIndex(foreign);
    }
  });

  it('records the failure when the engine stops in the middle of an export, aliases still on the previous export', async () => {
    const before = await inspectExportAliases(search, 'tt4', prefix);
    await using proxy = await startCuttableProxy(engine.url, /^POST \/[^ ]*_bulk/);
    const viaProxy = await createSearchEngine({ url: proxy.url });
    try {
      await expect(
        exportToSearch(
          { pool: fixture.pool, search: viaProxy },
          { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
        ),
      ).rejects.toThrow(/tt4: index cdtn-test-\w+_documents-\d+: bulk batch 1 \(\d+ documents\) failed/);
    } finally {
      await viaProxy.close();
    }
    const latest = (await getLatestExports(fixture.pool)).preproduction;
    expect(latest).toMatchObject({ status: 'failed', error: expect.stringMatching(/bulk batch 1/) });
    expect((await inspectExportAliases(search, 'tt4', prefix)).indices).toEqual(before.indices);
  });

  it("keeps the indices a failed run left instead of the previous good export, as upstream's deleteOldIndex (the newest three older)", async () => {
    const before = await inspectExportAliases(search, 'tt4', prefix);
    const all = await listExportIndices(search, prefix);
    // the run cut in the previous test created its three indices, newer than the live ones, and could not remove them
    const stamp = (index: string) => Number(index.split('-').at(-1));
    const leftovers = Object.fromEntries(
      INDEX_KINDS.map((kind) => [kind, all[kind].filter((index) => stamp(index) > before.timestamp)]),
    );
    for (const kind of INDEX_KINDS) expect(leftovers[kind], kind).toHaveLength(1);
    const next = await exportToSearch(
      { pool: fixture.pool, search },
      { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
    );
    const indices = await listExportIndices(search, prefix);
    for (const kind of INDEX_KINDS)
      expect(indices[kind].sort()).toEqual([leftovers[kind]![0], next.indices[kind]].sort());
    expect(next.deletedIndices).toEqual(expect.arrayContaining(Object.values(before.indices)));
  });
});
