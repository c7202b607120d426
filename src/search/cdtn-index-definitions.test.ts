import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { cdtnIndexDefinitions } from './cdtn-index-definitions.ts';

const require = createRequire(import.meta.url);
const cdtn = require('@socialgouv/cdtn-elasticsearch') as {
  createIndex: (args: { client: unknown; indexName: string; mappings: unknown }) => Promise<void>;
  documentMapping: unknown;
  suggestionMapping: unknown;
  accordMapping: unknown;
};

/** What the package's own createIndex sends, recorded from a client that only records. */
async function recordCreateIndex(mappings: unknown): Promise<unknown> {
  const sent: unknown[] = [];
  const client = {
    indices: {
      exists: () => Promise.resolve(false),
      create: (request: { body: unknown }) => {
        sent.push(request.body);
        return Promise.resolve({});
      },
    },
  };
  vi.spyOn(console, 'info').mockImplementation(() => {});
  await cdtn.createIndex({ client, indexName: 'recorded', mappings });
  vi.restoreAllMocks();
  expect(sent).toHaveLength(1);
  return sent[0];
}

describe('cdtnIndexDefinitions', () => {
  it("is exactly what @socialgouv/cdtn-elasticsearch's createIndex sends, for each index", async () => {
    const definitions = cdtnIndexDefinitions();
    expect(definitions.documents).toEqual(await recordCreateIndex(cdtn.documentMapping));
    expect(definitions.suggestions).toEqual(await recordCreateIndex(cdtn.suggestionMapping));
    expect(definitions.accords).toEqual(await recordCreateIndex(cdtn.accordMapping));
  });

  it("returns copies: adapting one leaves the package's objects untouched", () => {
    const definitions = cdtnIndexDefinitions();
    (definitions.suggestions.mappings as { properties: Record<string, unknown> }).properties.ranking = {
      type: 'float',
    };
    expect(cdtnIndexDefinitions().suggestions.mappings).toEqual(cdtn.suggestionMapping);
  });
});
