// msw handlers served over real HTTP on 127.0.0.1, for a process that msw cannot reach: the CLI the
// end-to-end tests spawn. Each request is answered by msw's own resolution (getResponse), so the
// matching stays where the in-process handlers have it; a handler's network error (a recorded
// ENOTFOUND) ends the connection without an answer, as a host that does not resolve would.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, RequestHandler, type AnyHandler } from 'msw';

export interface HandlerServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface HandlerServerOptions {
  /** The handlers, given the server's own URL (registry answers name their tarballs' URLs). */
  handlers: (url: string) => AnyHandler[];
  /** The URL the handlers are asked, from the one requested (default: unchanged). */
  rewrite?: (url: URL) => string;
  /** Default: a port the system picks. */
  port?: number;
}

export async function startHandlerServer(options: HandlerServerOptions): Promise<HandlerServer> {
  let handlers: RequestHandler[] = [];
  const server = createServer((request, response) => {
    answer(request, response, handlers, options.rewrite).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(`handler server: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Only HTTP handlers answer requests (the recordings' list is typed to take WebSocket ones too).
  handlers = options.handlers(url).filter((handler) => handler instanceof RequestHandler);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  handlers: RequestHandler[],
  rewrite: ((url: URL) => string) | undefined,
): Promise<void> {
  const requested = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
  // Method and URL only: the recordings and the registry answer on nothing else.
  const fetchRequest = new Request(rewrite ? rewrite(requested) : requested.href, {
    method: request.method ?? 'GET',
  });
  let found: Response | undefined;
  try {
    found = await getResponse(handlers, fetchRequest);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    request.socket.destroy();
    return;
  }
  if (found === undefined) {
    response
      .writeHead(404, { 'content-type': 'text/plain' })
      .end(`no answer for ${request.method} ${fetchRequest.url}`);
    return;
  }
  const body = Buffer.from(await found.arrayBuffer());
  response.writeHead(found.status, Object.fromEntries(found.headers)).end(body);
}
