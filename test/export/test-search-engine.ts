// The engine the exporter's tests write to: a real OpenSearch with CDTN's analysis modules.
import { createSearchEngine, type SearchEngine } from '../../src/search/index.ts';

export async function connectTestSearchEngine(): Promise<SearchEngine & { url: string }> {
  const url = process.env.DRILL_TEST_SEARCH_URL;
  if (!url)
    throw new Error(
      'export tests: DRILL_TEST_SEARCH_URL is not set; expected the URL of an OpenSearch 2.19 with analysis-common and mapper-extras',
    );
  const engine = await createSearchEngine({ url });
  return Object.assign(engine, { url });
}
