// gt4, search engine: the drill's credentials log in, the cluster is not red, and they may create
// (then delete) an index under the configured prefix, as the export does.
import type { ClusterHealth, EngineInfo, SearchEngine } from '../search/index.ts';
import { CheckError } from './check-error.ts';

export interface SearchAccess {
  info: EngineInfo;
  health: ClusterHealth;
  /** The index created then deleted. */
  probeIndex: string;
}

export interface CheckSearchAccessOptions {
  /** Redacted engine URL, for messages. */
  endpoint: string;
  indexPrefix: string;
  runId: string;
  task?: string;
}

export function probeIndexName(indexPrefix: string, runId: string): string {
  return `${indexPrefix}-drill-probe-${runId.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`;
}

export async function checkSearchAccess(
  search: SearchEngine,
  options: CheckSearchAccessOptions,
): Promise<SearchAccess> {
  const task = options.task ?? 'gt4';
  const object = `search engine ${options.endpoint}`;
  const fail = (expected: string, error: unknown): never => {
    throw new CheckError({ task, object, expected, found: (error as Error).message }, { cause: error });
  };
  const info = await search
    .info()
    .catch((error: unknown) => fail('a login with the drill credentials', error));
  const health = await search.health().catch((error: unknown) => fail('the cluster health', error));
  if (health.status === 'red') {
    throw new CheckError({ task, object, expected: 'cluster health green or yellow', found: 'red' });
  }
  const probeIndex = probeIndexName(options.indexPrefix, options.runId);
  const onIndex = `${object}, index ${probeIndex}`;
  await search
    .createIndex(probeIndex, { settings: { number_of_shards: 1, number_of_replicas: 0 } })
    .catch((error: unknown) => {
      throw new CheckError(
        {
          task,
          object: onIndex,
          expected: `the right to create indices under ${options.indexPrefix}-*`,
          found: (error as Error).message,
        },
        { cause: error },
      );
    });
  try {
    const listed = await search.listIndices(probeIndex);
    if (!listed.includes(probeIndex)) {
      throw new CheckError({
        task,
        object: onIndex,
        expected: 'the created index to be listed',
        found: JSON.stringify(listed),
      });
    }
  } finally {
    await search.deleteIndex(probeIndex).catch((error: unknown) => {
      throw new CheckError(
        {
          task,
          object: onIndex,
          expected: 'the right to delete the index it created',
          found: (error as Error).message,
        },
        { cause: error },
      );
    });
  }
  return { info, health, probeIndex };
}
