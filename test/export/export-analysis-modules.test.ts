import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportToSearch, getLatestExports } from '../../src/export/index.ts';
import { DRILL_ADMIN_ID, startExportFixture, type ExportFixture } from './export-fixture.ts';
import { startTestSearchEngine, type TestSearchEngine } from '../search/index.ts';

// Elasticsearch core-only lacks analysis-common (elision, stemmer, synonym…) and mapper-extras
// (rank_feature): CDTN's real definitions cannot be created there.
let fixture: ExportFixture;
let coreOnly: TestSearchEngine;

beforeAll(async () => {
  fixture = await startExportFixture();
  coreOnly = await startTestSearchEngine('elasticsearch');
});

afterAll(async () => {
  await coreOnly?.[Symbol.asyncDispose]();
  await fixture?.[Symbol.asyncDispose]();
});

describe('exportToSearch on an engine without the analysis modules', () => {
  it('fails naming the missing filter or field type, records it and leaves no index behind', async () => {
    const prefix = 'cdtn-core-only';
    const failure = exportToSearch(
      { pool: fixture.pool, search: coreOnly.engine },
      { environment: 'production', userId: DRILL_ADMIN_ID, prefix },
    );
    await expect(failure).rejects.toThrow(
      /tt5: index cdtn-core-only_documents-\d+: could not be created with the @socialgouv\/cdtn-elasticsearch settings and mappings \(.*Unknown \w+ type \[(pattern_replace|html_strip|elision|stemmer|synonym|word_delimiter|rank_feature)/,
    );
    const latest = (await getLatestExports(fixture.pool)).production;
    expect(latest?.status).toBe('failed');
    expect(latest?.error).toMatch(
      /pattern_replace|html_strip|elision|stemmer|synonym|word_delimiter|rank_feature/,
    );
    expect(await coreOnly.engine.listIndices(`${prefix}_*`)).toEqual([]);
  });
});
