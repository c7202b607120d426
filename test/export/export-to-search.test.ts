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
import { expectedDocumentCounts, countIndexBySource } from '../../src/export/index.ts';
import { DRILL_ADMIN_ID, startExportFixture, type ExportFixture } from './export-fixture.ts';
import { connectTestSearchEngine } from './test-search-engine.ts';

let fixture: ExportFixture;
let search: SearchEngine;
const prefix = `cdtn-test-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  fixture = await startExportFixture();
  search = await connectTestSearchEngine();
});

afterAll(async () => {
  for (const index of await search.listIndices(`${prefix}_*`)) await search.deleteIndex(index);
  await search.close();
  await fixture[Symbol.asyncDispose]();
});

describe('exportToSearch', () => {
  it('indexes every available document, records the counts and moves the three aliases to one timestamp', async () => {
    const result = await exportToSearch(
      { pool: fixture.pool, search },
      { environment: 'preproduction', userId: DRILL_ADMIN_ID, prefix },
    );

    const expected = await expectedDocumentCounts(fixture.pool);
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
});
