// The port on @elastic/elasticsearch 8: what CDTN's export runs against production Elasticsearch.
import { Client } from '@elastic/elasticsearch';
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
import { callEngine, statusOf, type EngineTarget } from '../search-engine-error.ts';
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

export class ElasticsearchEngine implements SearchEngine {
  readonly #client: Client;
  readonly #target: EngineTarget;

  constructor(connection: ClientConnection) {
    const { url, auth, tls } = connection;
    this.#client = new Client({
      node: url,
      ...(auth === undefined ? {} : { auth }),
      ...(tls === undefined ? {} : { tls }),
    });
    this.#target = { label: 'elasticsearch', url: connection.redactedUrl };
  }

  info(): Promise<EngineInfo> {
    return callEngine(this.#target, 'info', undefined, async () => {
      try {
        return toInfo(await this.#client.info(), 'elasticsearch');
      } catch (error) {
        // Without the rest-root module (Elasticsearch's integ-test build) `GET /` answers 405.
        if (statusOf(error) !== 405) throw error;
        const { cluster_name, nodes } = await this.#client.nodes.info({ node_id: '_local' });
        const version = Object.values(nodes)[0]?.version ?? 'unknown';
        return { distribution: 'elasticsearch', version, clusterName: cluster_name };
      }
    });
  }

  health(): Promise<ClusterHealth> {
    return callEngine(this.#target, 'health', undefined, async () =>
      toHealth(await this.#client.cluster.health()),
    );
  }

  async createIndex(index: string, definition: IndexDefinition): Promise<void> {
    await callEngine(this.#target, 'createIndex', index, () =>
      this.#client.indices.create({ index, ...definition } as Parameters<Client['indices']['create']>[0]),
    );
  }

  async deleteIndex(index: string): Promise<void> {
    await callEngine(this.#target, 'deleteIndex', index, () => this.#client.indices.delete({ index }));
  }

  listIndices(pattern: string): Promise<string[]> {
    return callEngine(this.#target, 'listIndices', pattern, async () =>
      toIndexNames(
        await this.#client.cat.indices({ index: pattern, format: 'json', h: 'index' }, { ignore: [404] }),
      ),
    );
  }

  bulkIndex(index: string, documents: BulkDocument[], options?: { refresh?: boolean }): Promise<BulkResult> {
    if (documents.length === 0) return Promise.resolve({ indexed: 0, failed: 0, errors: [] });
    return callEngine(this.#target, 'bulkIndex', index, async () => {
      const response = await this.#client.bulk({
        operations: bulkOperations(index, documents),
        refresh: options?.refresh ?? false,
      });
      return toBulkResult(response.items, documents);
    });
  }

  async refresh(index: string): Promise<void> {
    await callEngine(this.#target, 'refresh', index, () => this.#client.indices.refresh({ index }));
  }

  count(index: string, query?: Record<string, unknown>): Promise<number> {
    return callEngine(this.#target, 'count', index, async () => {
      const response = await this.#client.count({ index, ...(query === undefined ? {} : { query }) });
      return response.count;
    });
  }

  search<T = Record<string, unknown>>(
    index: string,
    body: Record<string, unknown>,
  ): Promise<SearchResponse<T>> {
    return callEngine(this.#target, 'search', index, async () =>
      toSearchResponse<T>(await this.#client.search({ index, body })),
    );
  }

  getById<T = Record<string, unknown>>(index: string, id: string): Promise<T | undefined> {
    return callEngine(this.#target, `getById "${id}"`, index, () =>
      sourceOrMissing(async () => (await this.#client.get<T>({ index, id }))._source),
    );
  }

  getAliases(pattern: string): Promise<Record<string, string[]>> {
    return callEngine(this.#target, 'getAliases', pattern, async () => {
      const body = await this.#client.indices.getAlias({ name: pattern }, { ignore: [404] });
      return toAliasMap(body);
    });
  }

  async updateAliases(actions: AliasAction[]): Promise<void> {
    await callEngine(this.#target, 'updateAliases', aliasActionIndices(actions), () =>
      this.#client.indices.updateAliases({ actions }),
    );
  }

  close(): Promise<void> {
    return this.#client.close();
  }
}
