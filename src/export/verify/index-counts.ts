// Reads back what an index holds per source, through a terms aggregation on `source`.
import type { SearchEngine } from '../../search/search-engine.ts';

interface SourceBuckets {
  by_source?: { buckets?: { key: string; doc_count: number }[]; sum_other_doc_count?: number };
}

export async function countIndexBySource(
  search: SearchEngine,
  index: string,
): Promise<Record<string, number>> {
  const response = await search.search(index, {
    size: 0,
    track_total_hits: true,
    aggs: { by_source: { terms: { field: 'source', size: 1000, missing: '(no source)' } } },
  });
  const aggregation = (response.aggregations as SourceBuckets | undefined)?.by_source;
  const counts = Object.fromEntries(
    (aggregation?.buckets ?? []).map(({ key, doc_count }) => [key, doc_count]),
  );
  if (aggregation?.sum_other_doc_count) counts['(other sources)'] = aggregation.sum_other_doc_count;
  return counts;
}
