// A stand-in for the site's sitemap endpoint (SITEMAP_ENDPOINT, http://www/api/sitemap in
// cdtn-admin's export config map) that the export's post-step fetches: a local HTTP server
// answering the sitemap recorded from the live site (fixtures/http/frontend.json).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRecordings } from '../checks/index.ts';

export interface SitemapEndpoint {
  url: string;
  close(): Promise<void>;
}

function recordedSitemap(): string {
  const exchange = readRecordings().find((e) => new URL(e.request.url).pathname === '/sitemap.xml');
  const text = exchange?.response?.text;
  if (text === undefined) throw new Error('fixtures/http: no recorded /sitemap.xml with a text response');
  return text;
}

export async function startSitemapEndpoint(): Promise<SitemapEndpoint> {
  const sitemap = recordedSitemap();
  const server = createServer((request, response) => {
    const found = request.method === 'GET' && request.url === '/api/sitemap';
    response.writeHead(found ? 200 : 404, { 'content-type': 'text/xml' });
    response.end(found ? sitemap : '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/sitemap`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
