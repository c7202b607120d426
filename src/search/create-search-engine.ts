// Picks the adapter for an endpoint: configured, or found by probing `GET /` with the OpenSearch
// client (it has no product check, so it can read either engine's answer).
import { Client } from '@opensearch-project/opensearch';
import type { EngineDistribution, SearchEngine } from './search-engine.ts';
import { ElasticsearchEngine } from './adapters/elasticsearch-engine.ts';
import { OpenSearchEngine, openSearchClientOptions } from './adapters/opensearch-engine.ts';
import {
  toClientConnection,
  type ClientConnection,
  type SearchEndpoint,
  type SearchTlsOptions,
} from './client-connection.ts';
import { describeClientError, SearchEngineError } from './search-engine-error.ts';

export interface CreateSearchEngineOptions {
  /** Skip the probe (e.g. an engine behind a proxy that hides `GET /`). */
  distribution?: EngineDistribution;
  tls?: SearchTlsOptions;
}

export async function createSearchEngine(
  endpoint: SearchEndpoint,
  options: CreateSearchEngineOptions = {},
): Promise<SearchEngine> {
  const connection = toClientConnection(endpoint, options.tls);
  const distribution = options.distribution ?? (await probeDistribution(connection));
  return distribution === 'opensearch'
    ? new OpenSearchEngine(connection)
    : new ElasticsearchEngine(connection);
}

/**
 * `version.distribution == "opensearch"`, or Elasticsearch's `x-elastic-product` header, which
 * Elasticsearch also sends on errors (its integ-test build answers `GET /` with 405).
 */
async function probeDistribution(connection: ClientConnection): Promise<EngineDistribution> {
  const target = { label: 'search engine', url: connection.redactedUrl };
  const client = new Client({ ...openSearchClientOptions(connection), maxRetries: 0 });
  try {
    const response = await client.info().catch((error: unknown) => {
      if (isElasticsearch((error as { meta?: { headers?: unknown } }).meta?.headers)) return undefined;
      throw new SearchEngineError(
        { target, operation: 'probe GET /', ...describeClientError(error) },
        { cause: error },
      );
    });
    if (response === undefined || isElasticsearch(response.headers)) return 'elasticsearch';
    const distribution = (response.body as { version?: { distribution?: unknown } }).version?.distribution;
    if (distribution === 'opensearch') return 'opensearch';
    throw new SearchEngineError({
      target,
      operation: 'probe GET /',
      reason: `expected version.distribution "opensearch" or the header x-elastic-product: Elasticsearch, found distribution ${JSON.stringify(distribution)} and no such header`,
    });
  } finally {
    await client.close();
  }
}

function isElasticsearch(headers: unknown): boolean {
  return (headers as Record<string, unknown> | null | undefined)?.['x-elastic-product'] === 'Elasticsearch';
}
