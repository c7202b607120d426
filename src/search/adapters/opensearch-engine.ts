// The port on @opensearch-project/opensearch: the engine the drill runs on where Elasticsearch
// images cannot be had (the v8 Elasticsearch client refuses to talk to OpenSearch).
import { Client, type ClientOptions } from '@opensearch-project/opensearch';
import type {
  AliasAction,
  BulkDocument,
  BulkResult,
  ClusterHealth,
  EngineInfo,
  IndexDefinition,
  SearchEngine,
  SearchResponse,
} from '../search-engine.ts';
import { callEngine, type EngineTarget } from '../search-engine-error.ts';
import {
  aliasActionIndices,
  bulkOperations,
  toAliasMap,
  toBulkResult,
  sourceOrMissing,
  toHealth,
  toIndexNames,
  toInfo,
  toSearchResponse,
} from '../engine-responses.ts';
import type { ClientConnection } from '../client-connection.ts';

/** OpenSearch has no API keys of its own; a proxy in front may still take an `ApiKey` header. */
export function openSearchClientOptions({ url, auth, tls }: ClientConnection): ClientOptions {
  return {
    node: url,
    ...(auth !== undefined && 'apiKey' in auth
      ? { headers: { authorization: `ApiKey ${auth.apiKey}` } }
      : {}),
    ...(auth !== undefined && 'username' in auth ? { auth } : {}),
    ...(tls === undefined ? {} : { ssl: tls }),
  };
}

export class OpenSearchEngine implements SearchEngine {
  readonly #client: Client;
  readonly #target: EngineTarget;

  constructor(connection: ClientConnection) {
    this.#client = new Client(openSearchClientOptions(connection));
    this.#target = { label: 'opensearch', url: connection.redactedUrl };
  }

  info(): Promise<EngineInfo> {
    return callEngine(this.#target, 'info', undefined, async () =>
      toInfo((await this.#client.info()).body, 'opensearch'),
    );
  }

  health(): Promise<ClusterHealth> {
    return callEngine(this.#target, 'health', undefined, async () =>
      toHealth((await this.#client.cluster.health()).body),
    );
  }

  async createIndex(index: string, definition: IndexDefinition): Promise<void> {
    await callEngine(this.#target, 'createIndex', index, () =>
      this.#client.indices.create({ index, body: definition }),
    );
  }

  async deleteIndex(index: string): Promise<void> {
    await callEngine(this.#target, 'deleteIndex', index, () => this.#client.indices.delete({ index }));
  }

  listIndices(pattern: string): Promise<string[]> {
    return callEngine(this.#target, 'listIndices', pattern, async () =>
      toIndexNames(
        (await this.#client.cat.indices({ index: pattern, format: 'json', h: ['index'] }, { ignore: [404] }))
          .body,
      ),
    );
  }

  bulkIndex(index: string, documents: BulkDocument[], options?: { refresh?: boolean }): Promise<BulkResult> {
    if (documents.length === 0) return Promise.resolve({ indexed: 0, failed: 0, errors: [] });
    return callEngine(this.#target, 'bulkIndex', index, async () => {
      const { body } = await this.#client.bulk({
        body: bulkOperations(index, documents),
        refresh: options?.refresh ?? false,
      });
      return toBulkResult(body.items, documents);
    });
  }

  async refresh(index: string): Promise<void> {
    await callEngine(this.#target, 'refresh', index, () => this.#client.indices.refresh({ index }));
  }

  count(index: string, query?: Record<string, unknown>): Promise<number> {
    return callEngine(this.#target, 'count', index, async () => {
      const { body } = await this.#client.count({
        index,
        ...(query === undefined ? {} : { body: { query } }),
      });
      return body.count;
    });
  }

  search<T = Record<string, unknown>>(
    index: string,
    body: Record<string, unknown>,
  ): Promise<SearchResponse<T>> {
    return callEngine(this.#target, 'search', index, async () =>
      toSearchResponse<T>((await this.#client.search({ index, body })).body),
    );
  }

  getById<T = Record<string, unknown>>(index: string, id: string): Promise<T | undefined> {
    return callEngine(this.#target, `getById "${id}"`, index, () =>
      sourceOrMissing(async () => (await this.#client.get({ index, id })).body._source as T | undefined),
    );
  }

  getAliases(pattern: string): Promise<Record<string, string[]>> {
    return callEngine(this.#target, 'getAliases', pattern, async () => {
      const { body } = await this.#client.indices.getAlias({ name: pattern }, { ignore: [404] });
      return toAliasMap(body);
    });
  }

  async updateAliases(actions: AliasAction[]): Promise<void> {
    await callEngine(this.#target, 'updateAliases', aliasActionIndices(actions), () =>
      this.#client.indices.updateAliases({ body: { actions } }),
    );
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
