// A TCP relay in front of the search engine that can be cut, as if the engine stopped: every
// open connection is destroyed and new ones are refused. `cutOn` cuts when a request line matches.
import { createServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CuttableProxy extends AsyncDisposable {
  url: string;
  /** Resolves once the relay has been cut. */
  cut: Promise<void>;
}

export async function startCuttableProxy(targetUrl: string, cutOn: RegExp): Promise<CuttableProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let resolveCut: () => void = () => undefined;
  const cut = new Promise<void>((resolve) => (resolveCut = resolve));
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      if (cutOn.test(chunk.subarray(0, 200).toString('latin1'))) return stop();
      upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  const stop = () => {
    server.close();
    for (const socket of sockets) socket.destroy();
    resolveCut();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, cut, [Symbol.asyncDispose]: async () => stop() };
}
