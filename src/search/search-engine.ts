// The engine port: everything the harness asks of Elasticsearch or OpenSearch.
// One adapter per client library (src/search/adapters/*), chosen by probing `GET /`.

export type EngineDistribution = 'elasticsearch' | 'opensearch';

export interface EngineInfo {
  distribution: EngineDistribution;
  version: string;
  clusterName: string;
}

export interface IndexDefinition {
  settings?: Record<string, unknown>;
  mappings?: Record<string, unknown>;
}

export interface BulkItemError {
  id: string;
  status: number;
  type: string;
  reason: string;
}

export interface BulkResult {
  indexed: number;
  failed: number;
  /** First item errors, in request order (bounded: see the adapter). */
  errors: BulkItemError[];
}

export interface BulkDocument {
  id: string;
  body: Record<string, unknown>;
}

export interface SearchHit<T = Record<string, unknown>> {
  id: string;
  index: string;
  score: number | null;
  source: T;
}

export interface SearchResponse<T = Record<string, unknown>> {
  total: number;
  hits: SearchHit<T>[];
  aggregations?: Record<string, unknown>;
}

export interface AliasAction {
  add?: { index: string; alias: string };
  remove?: { index: string; alias: string };
}

export interface ClusterHealth {
  status: 'green' | 'yellow' | 'red';
  numberOfNodes: number;
}

export interface SearchEngine {
  info(): Promise<EngineInfo>;
  health(): Promise<ClusterHealth>;
  createIndex(index: string, definition: IndexDefinition): Promise<void>;
  deleteIndex(index: string): Promise<void>;
  /** Index names matching a pattern such as `cdtn-prod-v2_documents-*`, sorted. */
  listIndices(pattern: string): Promise<string[]>;
  bulkIndex(index: string, documents: BulkDocument[], options?: { refresh?: boolean }): Promise<BulkResult>;
  refresh(index: string): Promise<void>;
  count(index: string, query?: Record<string, unknown>): Promise<number>;
  search<T = Record<string, unknown>>(
    index: string,
    body: Record<string, unknown>,
  ): Promise<SearchResponse<T>>;
  getById<T = Record<string, unknown>>(index: string, id: string): Promise<T | undefined>;
  /** alias → indices it points at, for aliases matching the pattern. */
  getAliases(pattern: string): Promise<Record<string, string[]>>;
  /** Applies every action in one atomic request. */
  updateAliases(actions: AliasAction[]): Promise<void>;
  close(): Promise<void>;
}
