// CDTN's three indices exactly as its export creates them: the mappings and analysis of
// @socialgouv/cdtn-elasticsearch, wrapped the way its `createIndex` wraps them (src/esClientUtils.js).
import { createRequire } from 'node:module';
import cdtnElasticsearch from '@socialgouv/cdtn-elasticsearch';
import type { IndexDefinition } from './search-engine.ts';

const require = createRequire(import.meta.url);

interface CdtnAnalysis {
  analyzer: Record<string, unknown>;
  char_filter: Record<string, unknown>;
  filter: Record<string, unknown>;
  tokenizer: Record<string, unknown>;
}

export interface CdtnIndexDefinitions {
  documents: IndexDefinition;
  suggestions: IndexDefinition;
  accords: IndexDefinition;
}

/** The settings `createIndex` sends with every index: the package's analysis, 1 shard, 1 replica. */
export function cdtnIndexSettings(): Record<string, unknown> {
  // analysis.js is not re-exported by the package's main module, only required by createIndex.
  const { analyzer, char_filter, filter, tokenizer } =
    require('@socialgouv/cdtn-elasticsearch/src/analysis.js') as CdtnAnalysis;
  return {
    index: { analysis: { analyzer, char_filter, filter, tokenizer } },
    number_of_replicas: 1,
    number_of_shards: 1,
  };
}

/** Fresh copies on every call: callers may adapt them (see coreOnly) without touching the package's objects. */
export function cdtnIndexDefinitions(): CdtnIndexDefinitions {
  const define = (mappings: unknown): IndexDefinition =>
    structuredClone({ settings: cdtnIndexSettings(), mappings }) as IndexDefinition;
  return {
    documents: define(cdtnElasticsearch.documentMapping),
    suggestions: define(cdtnElasticsearch.suggestionMapping),
    accords: define(cdtnElasticsearch.accordMapping),
  };
}
