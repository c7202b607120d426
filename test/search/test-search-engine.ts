// The real engine a test talks to (the exporter's, the checks'), started for the file as a host
// process and stopped after it: OpenSearch with CDTN's analysis modules, or Elasticsearch core-only
// (no analysis-common, no mapper-extras). DRILL_TEST_SEARCH_URL reuses an already running OpenSearch.
import { createSearchEngine, type SearchEngine } from '../../src/search/index.ts';
import { startLocalEngine } from './start-local-engine.ts';
import type { LocalEngineKind } from './local-engine-launch.ts';

export interface TestSearchEngine extends AsyncDisposable {
  url: string;
  engine: SearchEngine;
}

export async function startTestSearchEngine(kind: LocalEngineKind = 'opensearch'): Promise<TestSearchEngine> {
  const reuse = kind === 'opensearch' ? process.env.DRILL_TEST_SEARCH_URL : undefined;
  const started = reuse ? undefined : await startLocalEngine(kind);
  const url = reuse ?? (started as { url: string }).url;
  try {
    const engine = await createSearchEngine({ url });
    const dispose = async () => {
      await engine.close();
      await started?.stop();
    };
    return { url, engine, [Symbol.asyncDispose]: dispose };
  } catch (error) {
    await started?.stop();
    throw error;
  }
}
