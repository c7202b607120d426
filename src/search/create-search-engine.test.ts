import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from './create-search-engine.ts';
import { SearchEngineError } from './search-engine-error.ts';

/** A port nothing listens on: bound, then released. */
function getClosedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

describe('createSearchEngine', () => {
  it('names the host it could not probe, never the password', async () => {
    const port = await getClosedPort();
    const probe = createSearchEngine({ url: `http://drill:s3cret@127.0.0.1:${port}` });
    await expect(probe).rejects.toThrow(SearchEngineError);
    await expect(probe).rejects.toThrow(`search engine at http://127.0.0.1:${port}: probe GET / failed`);
    await expect(probe).rejects.not.toThrow(/s3cret/);
  });

  it('skips the probe when the distribution is configured', async () => {
    const port = await getClosedPort();
    const engine = await createSearchEngine(
      { url: `http://127.0.0.1:${port}` },
      { distribution: 'elasticsearch' },
    );
    await expect(engine.count('cdtn-prod-v2_documents')).rejects.toThrow(
      `elasticsearch at http://127.0.0.1:${port}: count on index "cdtn-prod-v2_documents" failed`,
    );
    await engine.close();
  });
});
