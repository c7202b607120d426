// Credentials reach the engine as each client sends them: a recording HTTP server at the network
// edge answers like the engine and keeps the Authorization headers it received.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createSearchEngine } from './create-search-engine.ts';

const ANSWERS: Record<string, { headers: Record<string, string>; body: unknown }> = {
  opensearch: {
    headers: {},
    body: { cluster_name: 'c', version: { distribution: 'opensearch', number: '2.19.6' } },
  },
  elasticsearch: {
    headers: { 'x-elastic-product': 'Elasticsearch' },
    body: { cluster_name: 'c', version: { number: '8.13.4' } },
  },
};

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serveAs(
  distribution: keyof typeof ANSWERS,
): Promise<{ url: string; seen: IncomingHttpHeaders[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const answer = ANSWERS[distribution]!;
  server = createServer((request, response) => {
    seen.push(request.headers);
    response.writeHead(200, { 'content-type': 'application/json', ...answer.headers });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, seen };
}

describe('credentials', () => {
  it.each(['opensearch', 'elasticsearch'] as const)(
    'sends user and password as Basic auth to %s',
    async (kind) => {
      const { url, seen } = await serveAs(kind);
      const engine = await createSearchEngine({ url, auth: { username: 'drill', password: 's3cret' } });
      expect((await engine.info()).distribution).toBe(kind);
      await engine.close();
      const basic = `Basic ${Buffer.from('drill:s3cret').toString('base64')}`;
      // The probe, then info().
      expect(seen.map((headers) => headers.authorization)).toEqual([basic, basic]);
    },
  );

  it.each(['opensearch', 'elasticsearch'] as const)(
    'sends an API key as an ApiKey header to %s',
    async (kind) => {
      const { url, seen } = await serveAs(kind);
      const engine = await createSearchEngine({ url, auth: { apiKey: 'a2V5' } });
      expect((await engine.info()).distribution).toBe(kind);
      await engine.close();
      expect(seen.map((headers) => headers.authorization)).toEqual(['ApiKey a2V5', 'ApiKey a2V5']);
    },
  );
});
