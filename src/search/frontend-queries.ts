// The search bodies the frontend sends to its aliases (code-du-travail-numerique,
// packages/code-du-travail-frontend/src/api/modules/{search,suggest,idcc} and
// src/modules/code-du-travail), rewritten here so the drill asks the engine what the site asks:
// tp1 checks the prod aliases with them, the export's verification probes the French analysis
// chain with the same clauses pinned to one document.

const SEARCH_FIELDS = [
  'title',
  'source',
  'slug',
  'parentSlug',
  'description',
  'url',
  'cdtnId',
  'breadcrumbs',
];
/** Sources the full-text search covers (SOURCES in @socialgouv/cdtn-utils); conventions only with contributions. */
export const SEARCHED_SOURCES = [
  'fiches_ministere_travail',
  'fiches_service_public',
  'modeles_de_courriers',
  'outils',
  'contributions',
  'external',
  'dossiers',
  'information',
  'infographies',
];
const CCN = 'conventions_collectives';

/** Presearch, first request: themes whose title matches the query. */
export function relatedThemesQuery(query: string, size = 5): Record<string, unknown> {
  return {
    _source: ['icon', 'title', 'slug', 'parentSlug', 'url', 'source', 'cdtnId', 'shortTitle', 'breadcrumbs'],
    query: {
      bool: {
        filter: [{ term: { source: 'themes' } }, { term: { isPublished: true } }],
        must: { match: { title: { query, fuzziness: 'auto' } } },
        should: { match: { 'breadcrumbs.label': { query, fuzziness: 'auto' } } },
      },
    },
    size,
  };
}

/** The French full-text match of the frontend: both French fields crossed, synonyms, `boost` on the crossing. */
function frenchText(query: string, boost?: number): Record<string, unknown> {
  return {
    multi_match: {
      query,
      fields: ['text.french', 'title.french'],
      type: 'cross_fields',
      minimum_should_match: '1<99% 3<75% 6<30%',
      ...(boost === undefined ? {} : { boost }),
    },
  };
}

/** Presearch, the full-text clause: published searchable documents of the searched sources matching `query`. */
export function fullTextSearchClause(query: string): Record<string, unknown> {
  const sources = {
    bool: {
      should: [
        { terms: { source: SEARCHED_SOURCES, boost: 30 } },
        {
          bool: {
            must: [
              { term: { source: CCN } },
              { term: { contributions: true } },
              { rank_feature: { field: 'effectif', boost: 10 } },
            ],
          },
        },
      ],
    },
  };
  const text = {
    bool: {
      should: [
        frenchText(query, 0.1),
        { match: { 'text.french_with_synonyms': { query } } },
        { match: { 'synonymes.french': { query, boost: 30 } } },
      ],
    },
  };
  return {
    bool: {
      filter: [{ term: { excludeFromSearch: false } }, { term: { isPublished: true } }],
      must: [text, sources],
      should: [
        { match_phrase: { 'title.french': { query: `__start__ ${query}`, slop: 1, boost: 2 } } },
        { match_phrase: { 'text.french': { query, boost: 0.5 } } },
        { match: { 'title.french_with_synonyms': { query } } },
        { match: { source: { query: 'contributions', boost: 2 } } },
        { match: { source: { query: 'outils', boost: 0.8 } } },
        { match: { source: { query: 'modeles_de_courriers', boost: 0.8 } } },
      ],
    },
  };
}

/** Presearch, full-text request over the searched sources. */
export function fullTextSearchQuery(query: string, size = 8): Record<string, unknown> {
  return { _source: SEARCH_FIELDS, query: fullTextSearchClause(query), size };
}

/** Related articles of the code du travail (reduced to its matching clauses): French text, article number, synonyms. */
export function relatedArticlesClause(query: string): Record<string, unknown> {
  return {
    bool: {
      filter: [{ term: { source: 'code_du_travail' } }, { term: { isPublished: true } }],
      must: {
        bool: {
          should: [
            frenchText(query),
            { match: { 'title.article_id': { query } } },
            { match: { 'text.french_with_synonyms': { query: query.replace('.', '') } } },
          ],
        },
      },
    },
  };
}

/** `clause`, restricted to one document: "does this document answer?". */
export function pinnedTo(cdtnId: string, clause: Record<string, unknown>): Record<string, unknown> {
  return { bool: { must: [clause], filter: [{ term: { cdtnId } }] } };
}

/** `/api/suggest?q=`: titles of the suggestions index, fuzzy on the title, prefix-boosted, ranked. */
export function suggestQuery(query: string, size = 5): Record<string, unknown> {
  return {
    _source: ['title'],
    query: {
      bool: {
        must: [{ match: { title: { query, fuzziness: 'auto' } } }],
        should: [
          { match_phrase_prefix: { 'title.prefix': { query } } },
          { rank_feature: { field: 'ranking', boost: 3, log: { scaling_factor: 10 } } },
        ],
      },
    },
    size,
  };
}

/** `/api/idcc?q=`: conventions by number (exact number boosted) or by name. */
export function idccQuery(query: string, size = 50): Record<string, unknown> {
  const idcc = /^\d+$/.test(query) ? Number.parseInt(query, 10) : undefined;
  const should: Record<string, unknown>[] = [
    { match: { 'shortTitle.french': { query, fuzziness: '1', boost: '.9' } } },
    { match_phrase_prefix: { 'num.text': { query } } },
    { match_phrase_prefix: { 'synonymes.french': { query } } },
    { match_phrase_prefix: { 'title.french': { query } } },
  ];
  if (idcc !== undefined) should.unshift({ term: { num: { value: idcc, boost: 10 } } });
  return {
    _source: [
      'id',
      'title',
      'shortTitle',
      'url',
      'num',
      'slug',
      'effectif',
      'cdtnId',
      'contributions',
      'description',
    ],
    query: {
      bool: {
        filter: [{ term: { source: CCN } }],
        must: { bool: { should } },
        should: { rank_feature: { field: 'effectif', log: { scaling_factor: 1 } } },
      },
    },
    size,
  };
}

/** The document behind `/code-du-travail/<slug>`: one published article of the code du travail. */
export function laborCodeArticleQuery(slug: string): Record<string, unknown> {
  return {
    _source: ['cdtnId', 'description', 'title', 'dateDebut', 'html', 'url', 'notaHtml'],
    query: {
      bool: {
        filter: [
          { term: { source: 'code_du_travail' } },
          { term: { slug } },
          { term: { isPublished: true } },
        ],
      },
    },
    size: 1,
  };
}
