// The real engine the checks' tests use: DRILL_TEST_SEARCH_URL when set (an OpenSearch already
// running), else one started for the file as a host process and stopped after it.
import { createSearchEngine, type SearchEngine } from '../../src/search/index.ts';
import { startLocalEngine } from '../search/start-local-engine.ts';

export interface TestEngine extends AsyncDisposable {
  url: string;
  engine: SearchEngine;
}

export async function openTestEngine(): Promise<TestEngine> {
  const reuse = process.env.DRILL_TEST_SEARCH_URL;
  const started = reuse ? undefined : await startLocalEngine('opensearch');
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
