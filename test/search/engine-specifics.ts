// What each engine of the contract suite shows beyond the port: OpenSearch takes CDTN's real
// analysis and rank_feature; the core-only Elasticsearch refuses them, and coreOnly says what it drops.
import { describe, expect, it } from 'vitest';
import {
  cdtnIndexDefinitions,
  cdtnIndexSettings,
  coreOnly,
  SearchEngineError,
  type BulkDocument,
  type SearchEngine,
} from '../../src/search/index.ts';

const FRENCH_DOCUMENTS: BulkDocument[] = [
  {
    id: 'indemnite',
    body: {
      title: 'Indemnité de licenciement',
      text: 'Le montant du salaire minimum interprofessionnel de croissance',
    },
  },
  { id: 'conge', body: { title: 'Congé de maternité', text: 'La durée du congé' } },
];

const SUGGESTIONS: BulkDocument[] = [
  { id: 's1', body: { title: 'contrat de travail', ranking: 10 } },
  { id: 's2', body: { title: 'contrat à durée déterminée', ranking: 500 } },
  { id: 's3', body: { title: 'contrat saisonnier', ranking: 50 } },
  { id: 's4', body: { title: 'démission', ranking: 900 } },
];

export function describeCdtnAnalysis(getEngine: () => SearchEngine): void {
  describe("CDTN's real definitions (@socialgouv/cdtn-elasticsearch)", () => {
    const ids = async (index: string, query: Record<string, unknown>): Promise<string[]> =>
      (await getEngine().search(index, { query })).hits.map((hit) => hit.id);

    it('creates the documents, suggestions and accords indices', async () => {
      const definitions = cdtnIndexDefinitions();
      for (const [name, definition] of Object.entries(definitions))
        await getEngine().createIndex(`cdtn_${name}-1`, definition);
      expect(await getEngine().listIndices('cdtn_*')).toEqual(
        Object.keys(definitions)
          .map((name) => `cdtn_${name}-1`)
          .sort(),
      );
      const result = await getEngine().bulkIndex('cdtn_documents-1', FRENCH_DOCUMENTS, { refresh: true });
      expect(result.failed).toBe(0);
    });

    it('finds a singular from its plural (light_french stemmer)', async () => {
      expect(await ids('cdtn_documents-1', { match: { 'title.french': 'licenciements' } })).toEqual([
        'indemnite',
      ]);
    });

    it('finds an accented word from its unaccented form (asciifolding)', async () => {
      expect(await ids('cdtn_documents-1', { match: { 'title.french': 'indemnite conge' } })).toEqual(
        expect.arrayContaining(['indemnite', 'conge']),
      );
      expect(await ids('cdtn_documents-1', { match: { 'title.french': 'maternite' } })).toEqual(['conge']);
    });

    it('expands an acronym to its synonyms (french_synonyms)', async () => {
      expect(await ids('cdtn_documents-1', { match: { 'text.french_with_synonyms': 'smic' } })).toEqual([
        'indemnite',
      ]);
    });

    it('ranks suggestions by their rank_feature and completes prefixes (edge_ngram)', async () => {
      await getEngine().bulkIndex('cdtn_suggestions-1', SUGGESTIONS, { refresh: true });
      const byRanking = SUGGESTIONS.filter((suggestion) =>
        String(suggestion.body.title).startsWith('contrat'),
      )
        .sort((a, b) => Number(b.body.ranking) - Number(a.body.ranking))
        .map((suggestion) => suggestion.id);
      const query = {
        bool: { must: { match: { title: 'contr' } }, should: { rank_feature: { field: 'ranking' } } },
      };
      expect(await ids('cdtn_suggestions-1', query)).toEqual(byRanking);
    });
  });
}

export function describeCoreOnlyReduction(getEngine: () => SearchEngine): void {
  describe("core-only reduction of CDTN's definitions", () => {
    it("refuses CDTN's full definition, naming the index", async () => {
      const full = getEngine().createIndex('cdtn_documents-full', cdtnIndexDefinitions().documents);
      await expect(full).rejects.toThrow(SearchEngineError);
      await expect(full).rejects.toThrow(/createIndex on index "cdtn_documents-full".*400/);
    });

    it('reports every analysis component and rank_feature field it strips', () => {
      const { stripped } = coreOnly(cdtnIndexDefinitions().suggestions);
      const analysis = (cdtnIndexSettings().index as { analysis: Record<string, Record<string, unknown>> })
        .analysis;
      const analysisLine = stripped.find((line) => line.startsWith('settings.index.analysis'));
      for (const name of Object.values(analysis).flatMap((entries) => Object.keys(entries)))
        expect(analysisLine).toContain(name);
      expect(stripped).toContain('mappings.ranking: rank_feature → float (needs mapper-extras)');
      expect(stripped).toContain('mappings.title: analyzer autocomplete removed (custom analysis)');
    });

    it('takes the reduced suggestions definition and its documents', async () => {
      await getEngine().createIndex(
        'cdtn_suggestions-1',
        coreOnly(cdtnIndexDefinitions().suggestions).definition,
      );
      const result = await getEngine().bulkIndex('cdtn_suggestions-1', SUGGESTIONS, { refresh: true });
      expect(result).toEqual({ indexed: SUGGESTIONS.length, failed: 0, errors: [] });
    });
  });
}
