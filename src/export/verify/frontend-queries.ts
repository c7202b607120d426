// The shape of the queries the frontend sends to `<prefix>_documents` (code-du-travail-numerique,
// src/api/modules/search/queries.ts), reduced to the clauses that exercise the index's analysis:
// French fields (elision, asciifolding, stop words, light_french stemmer, synonyms) and the
// article-id analyzer. A probe pins the query to one document to ask "does it match?".

/** Sources the frontend's full-text search covers. */
export const SEARCH_SOURCES = [
  'fiches_ministere_travail',
  'fiches_service_public',
  'modeles_de_courriers',
  'outils',
  'contributions',
  'external',
  'dossiers',
  'information',
  'conventions_collectives',
];

export function documentSearchQuery(query: string): Record<string, unknown> {
  return {
    bool: {
      filter: [
        { term: { excludeFromSearch: false } },
        { term: { isPublished: true } },
        { terms: { source: SEARCH_SOURCES } },
      ],
      must: {
        bool: {
          should: [
            {
              multi_match: {
                query,
                fields: ['text.french', 'title.french'],
                type: 'cross_fields',
                minimum_should_match: '1<99% 3<75% 6<30%',
              },
            },
            { match: { 'text.french_with_synonyms': { query } } },
            { match: { 'synonymes.french': { query } } },
          ],
        },
      },
      should: [{ match_phrase: { 'title.french': { query: `__start__ ${query}`, slop: 1 } } }],
    },
  };
}

export function relatedArticlesQuery(query: string): Record<string, unknown> {
  return {
    bool: {
      filter: [{ term: { source: 'code_du_travail' } }, { term: { isPublished: true } }],
      must: {
        bool: {
          should: [
            {
              multi_match: {
                query,
                fields: ['text.french', 'title.french'],
                type: 'cross_fields',
                minimum_should_match: '1<99% 3<75% 6<30%',
              },
            },
            { match: { 'title.article_id': { query } } },
            { match: { 'text.french_with_synonyms': { query: query.replace('.', '') } } },
          ],
        },
      },
    },
  };
}

/** `query`, restricted to one document. */
export function pinnedTo(cdtnId: string, query: Record<string, unknown>): Record<string, unknown> {
  return { bool: { must: [query], filter: [{ term: { cdtnId } }] } };
}
