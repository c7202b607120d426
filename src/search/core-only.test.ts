import { describe, expect, it } from 'vitest';
import { coreOnly } from './core-only.ts';

describe('coreOnly', () => {
  const definition = {
    settings: {
      index: { analysis: { analyzer: { french: { tokenizer: 'standard' } } } },
      number_of_shards: 1,
    },
    mappings: {
      properties: {
        ranking: { type: 'rank_feature', positive_score_impact: false },
        title: {
          type: 'text',
          analyzer: 'french',
          fields: { prefix: { type: 'text', search_analyzer: 'french' } },
        },
        slug: { type: 'keyword' },
      },
    },
  };

  it('strips analysis, analyzer references and mapper-extras types, reporting each', () => {
    const { definition: reduced, stripped } = coreOnly(definition);
    expect(reduced).toEqual({
      settings: { index: {}, number_of_shards: 1 },
      mappings: {
        properties: {
          ranking: { type: 'float' },
          title: { type: 'text', fields: { prefix: { type: 'text' } } },
          slug: { type: 'keyword' },
        },
      },
    });
    expect(stripped).toEqual([
      'settings.index.analysis (needs analysis-common): analyzer french',
      'mappings.ranking: rank_feature → float (needs mapper-extras)',
      'mappings.title: analyzer french removed (custom analysis)',
      'mappings.title.prefix: search_analyzer french removed (custom analysis)',
    ]);
  });

  it('leaves its input untouched and reports nothing for a core-only definition', () => {
    const before = structuredClone(definition);
    coreOnly(definition);
    expect(definition).toEqual(before);
    expect(coreOnly({ mappings: { properties: { slug: { type: 'keyword' } } } }).stripped).toEqual([]);
  });
});
