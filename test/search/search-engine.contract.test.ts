// The port's contract, run against both real engines started as host processes: OpenSearch 2.19.6
// with CDTN's real index definitions, Elasticsearch 8.13.4 (integ-test build, no analysis-common,
// no mapper-extras) with the core-only reduction of the same definitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_IMAGES, OFFICIAL_IMAGES } from '../../src/env/images.ts';
import {
  BULK_ERRORS_KEPT,
  cdtnIndexDefinitions,
  coreOnly,
  createSearchEngine,
  SearchEngineError,
  type BulkDocument,
  type IndexDefinition,
  type SearchEngine,
} from '../../src/search/index.ts';
import { startLocalEngine, type StartedLocalEngine } from './start-local-engine.ts';
import type { LocalEngineKind } from './local-engine-launch.ts';
import { describeCdtnAnalysis, describeCoreOnlyReduction } from './engine-specifics.ts';

interface EngineCase {
  kind: LocalEngineKind;
  version: string;
  documents: () => IndexDefinition;
  /** Registers what only this engine can show (CDTN's analysis, or the core-only reduction). */
  describeSpecifics: (getEngine: () => SearchEngine) => void;
}

const ENGINES: EngineCase[] = [
  {
    kind: 'opensearch',
    version: LOCAL_IMAGES.opensearch.split(':')[1] ?? '',
    documents: () => cdtnIndexDefinitions().documents,
    describeSpecifics: describeCdtnAnalysis,
  },
  {
    kind: 'elasticsearch',
    version: OFFICIAL_IMAGES.elasticsearch.split(':')[1] ?? '',
    documents: () => coreOnly(cdtnIndexDefinitions().documents).definition,
    describeSpecifics: describeCoreOnlyReduction,
  },
];

const DOCUMENTS: BulkDocument[] = ['licenciement', 'démission', 'rupture conventionnelle', 'préavis'].map(
  (title, position) => ({
    id: `doc-${position}`,
    body: {
      cdtnId: `doc-${position}`,
      title,
      source: position % 2 === 0 ? 'fiches_sp' : 'code_du_travail',
      effectif: position + 1,
      publishedAt: '2024-01-15',
    },
  }),
);
const FICHES_SP = DOCUMENTS.filter((document) => document.body.source === 'fiches_sp');

describe.each(ENGINES)(
  'SearchEngine contract on $kind',
  ({ kind, version, documents, describeSpecifics }) => {
    let local: StartedLocalEngine | undefined;
    let engine: SearchEngine;

    beforeAll(async () => {
      local = await startLocalEngine(kind);
      engine = await createSearchEngine({ url: local.url });
    });
    afterAll(async () => {
      await engine?.close();
      await local?.stop();
    });

    it('probes the distribution and reports the pinned version', async () => {
      expect(await engine.info()).toMatchObject({ distribution: kind, version });
    });

    it('creates an index with the definition, refuses to create it twice naming the index', async () => {
      await engine.createIndex('contract_documents-1', documents());
      const twice = engine.createIndex('contract_documents-1', documents());
      await expect(twice).rejects.toThrow(SearchEngineError);
      await expect(twice).rejects.toThrow(
        /createIndex on index "contract_documents-1".*resource_already_exists_exception/,
      );
      expect((await engine.health()).numberOfNodes).toBe(1);
    });

    it('bulk-indexes documents under their ids and counts them', async () => {
      const result = await engine.bulkIndex('contract_documents-1', DOCUMENTS, { refresh: true });
      expect(result).toEqual({ indexed: DOCUMENTS.length, failed: 0, errors: [] });
      expect(await engine.count('contract_documents-1')).toBe(DOCUMENTS.length);
      expect(await engine.count('contract_documents-1', { term: { source: 'fiches_sp' } })).toBe(
        FICHES_SP.length,
      );
    });

    it('accounts bulk item errors one by one, keeping the first ones with their ids', async () => {
      const bad = Array.from({ length: BULK_ERRORS_KEPT + 2 }, (_, n) => ({
        id: `bad-${n}`,
        body: { publishedAt: 'not a date' },
      }));
      const good = { id: 'good-1', body: { title: 'good' } };
      await engine.createIndex('contract_bulk', documents());
      const result = await engine.bulkIndex('contract_bulk', [bad[0]!, good, ...bad.slice(1)], {
        refresh: true,
      });
      expect(result.indexed).toBe(1);
      expect(result.failed).toBe(bad.length);
      expect(result.errors).toHaveLength(BULK_ERRORS_KEPT);
      expect(result.errors.map((error) => error.id)).toEqual(
        bad.slice(0, BULK_ERRORS_KEPT).map((document) => document.id),
      );
      // Elasticsearch 8 says document_parsing_exception where OpenSearch says mapper_parsing_exception.
      expect(result.errors[0]).toMatchObject({
        status: 400,
        type: expect.stringMatching(/^(document|mapper)_parsing_exception$/),
        reason: expect.stringContaining('publishedAt'),
      });
      await engine.deleteIndex('contract_bulk');
    });

    it('searches (hits, aggregations) and gets by id; a missing document is undefined, a missing index an error', async () => {
      const found = await engine.search('contract_documents-1', {
        query: { term: { source: 'code_du_travail' } },
        sort: [{ cdtnId: 'asc' }],
      });
      const expected = DOCUMENTS.filter((document) => document.body.source === 'code_du_travail');
      expect(found.total).toBe(expected.length);
      expect(found.hits.map((hit) => [hit.id, hit.index, hit.source])).toEqual(
        expected.map((document) => [document.id, 'contract_documents-1', document.body]),
      );
      const bySource = await engine.search('contract_documents-1', {
        size: 0,
        aggs: { sources: { terms: { field: 'source', order: { _key: 'asc' } } } },
      });
      const counts = Object.entries(Object.groupBy(DOCUMENTS, (document) => String(document.body.source)))
        .map(([key, group]) => ({ key, doc_count: group?.length }))
        .sort((a, b) => a.key.localeCompare(b.key));
      expect(bySource.aggregations).toEqual({
        sources: expect.objectContaining({ buckets: counts }) as unknown,
      });
      expect(await engine.getById('contract_documents-1', 'doc-0')).toEqual(DOCUMENTS[0]?.body);
      expect(await engine.getById('contract_documents-1', 'no-such-document')).toBeUndefined();
      await expect(engine.getById('contract_missing', 'doc-0')).rejects.toThrow(
        /getById "doc-0" on index "contract_missing".*404 index_not_found_exception/,
      );
    });

    it('lists indices by pattern, sorted', async () => {
      await engine.createIndex('contract_documents-0', documents());
      await engine.createIndex('other_documents-1', {});
      expect(await engine.listIndices('contract_documents-*')).toEqual([
        'contract_documents-0',
        'contract_documents-1',
      ]);
      expect(await engine.listIndices('nothing-matches-*')).toEqual([]);
    });

    it('moves an alias atomically: a failing action leaves every alias as it was', async () => {
      await engine.updateAliases([{ add: { index: 'contract_documents-0', alias: 'contract_documents' } }]);
      await engine.updateAliases([
        { remove: { index: 'contract_documents-0', alias: 'contract_documents' } },
        { add: { index: 'contract_documents-1', alias: 'contract_documents' } },
      ]);
      expect(await engine.getAliases('contract_*')).toEqual({ contract_documents: ['contract_documents-1'] });
      expect(await engine.count('contract_documents')).toBe(DOCUMENTS.length);

      const failing = engine.updateAliases([
        { add: { index: 'contract_documents-0', alias: 'contract_other' } },
        { remove: { index: 'contract_missing', alias: 'contract_documents' } },
      ]);
      await expect(failing).rejects.toThrow(
        /updateAliases on index "contract_documents-0, contract_missing"/,
      );
      expect(await engine.getAliases('contract_*')).toEqual({ contract_documents: ['contract_documents-1'] });
      expect(await engine.getAliases('nothing-matches*')).toEqual({});
    });

    it('deletes indices, and names the index it cannot delete', async () => {
      await engine.deleteIndex('contract_documents-0');
      await engine.deleteIndex('other_documents-1');
      expect(await engine.listIndices('contract_documents-*')).toEqual(['contract_documents-1']);
      await expect(engine.deleteIndex('contract_documents-0')).rejects.toThrow(
        /deleteIndex on index "contract_documents-0".*404/,
      );
    });

    it('reports cluster health: yellow, as the indices ask for a replica a single node cannot hold', async () => {
      expect(await engine.health()).toEqual({ status: 'yellow', numberOfNodes: 1 });
    });

    describeSpecifics(() => engine);
  },
);
