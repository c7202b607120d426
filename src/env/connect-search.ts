// The search engine port for an endpoint, TLS files read here (the descriptor holds only paths).
import { readFileSync } from 'node:fs';
import { createSearchEngine, type SearchEngine } from '../search/index.ts';
import type { SearchEndpoint } from './drill-env.ts';

export async function connectSearch(endpoint: SearchEndpoint): Promise<SearchEngine> {
  const { tls } = endpoint;
  if (tls === undefined) return createSearchEngine(endpoint);
  return createSearchEngine(endpoint, {
    tls: {
      ...(tls.caFile === undefined ? {} : { ca: readFileSync(tls.caFile, 'utf8') }),
      ...(tls.rejectUnauthorized === undefined ? {} : { rejectUnauthorized: tls.rejectUnauthorized }),
    },
  });
}
