// A definition a core-only engine can take (Elasticsearch's integ-test-zip: no analysis-common, no
// mapper-extras), with every removal reported: the caller prints or records them, never loses them.
import type { IndexDefinition } from './search-engine.ts';

export interface CoreOnlyDefinition {
  definition: IndexDefinition;
  /** One line per removal or replacement, e.g. `mappings.pageRank: rank_feature → float`. */
  stripped: string[];
}

/** Field types of mapper-extras, and the core type that takes the same values. */
const MAPPER_EXTRAS_TYPES: Record<string, string> = {
  rank_feature: 'float',
  rank_features: 'flattened',
  scaled_float: 'double',
  token_count: 'integer',
  search_as_you_type: 'text',
};

const ANALYZER_PARAMETERS = ['analyzer', 'search_analyzer', 'search_quote_analyzer'];

export function coreOnly(definition: IndexDefinition): CoreOnlyDefinition {
  const copy = structuredClone(definition);
  const stripped: string[] = [];

  const index = copy.settings?.index as Record<string, unknown> | undefined;
  if (index?.analysis !== undefined) {
    const kinds = Object.entries(index.analysis as Record<string, Record<string, unknown>>)
      .map(([kind, entries]) => `${kind} ${Object.keys(entries).join(', ')}`)
      .join('; ');
    stripped.push(`settings.index.analysis (needs analysis-common): ${kinds}`);
    delete index.analysis;
  }
  if (copy.mappings !== undefined) stripFields(copy.mappings, 'mappings', stripped);
  return { definition: copy, stripped };
}

function stripFields(node: Record<string, unknown>, path: string, stripped: string[]): void {
  for (const key of ['properties', 'fields']) {
    const children = node[key] as Record<string, Record<string, unknown>> | undefined;
    if (children === undefined) continue;
    for (const [name, field] of Object.entries(children)) {
      const fieldPath = `${path}.${name}`;
      const type = field.type;
      if (typeof type === 'string' && MAPPER_EXTRAS_TYPES[type] !== undefined) {
        field.type = MAPPER_EXTRAS_TYPES[type];
        delete field.positive_score_impact;
        stripped.push(`${fieldPath}: ${type} → ${field.type} (needs mapper-extras)`);
      }
      for (const parameter of ANALYZER_PARAMETERS) {
        if (field[parameter] === undefined) continue;
        stripped.push(`${fieldPath}: ${parameter} ${String(field[parameter])} removed (custom analysis)`);
        delete field[parameter];
      }
      stripFields(field, fieldPath, stripped);
    }
  }
}
