// The broken side service of a sensitivity run: a local server that answers 500 to every request.
// Mutations point a service's URL at it (loopback: the drills' offline world lets it through).
import { createServer } from 'node:http';

export interface FaultyService extends AsyncDisposable {
  url: string;
}

export async function startFaultyService(): Promise<FaultyService> {
  const server = createServer((_request, response) => {
    response.writeHead(500, { 'content-type': 'application/json' });
    response.end('{"error":"injected by the sensitivity run"}');
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    [Symbol.asyncDispose]: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
