// A TCP port free on the loopback right now, for a server the harness starts as a host process
// (throwaway PostgreSQL, a local search engine): the kernel picks it, the probe socket releases it.
import { createServer } from 'node:net';

export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port: the probe socket has no address')),
      );
    });
  });
}
