// A local incoming-webhook double (node:http on 127.0.0.1): records what it receives and answers
// with the status the test sets.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookReceiver extends AsyncDisposable {
  /** The webhook URL, with a Mattermost-style secret key in its path. */
  url: string;
  key: string;
  received: { path: string; contentType: string | undefined; body: unknown }[];
  status: number;
}

export async function startWebhookReceiver(status = 200): Promise<WebhookReceiver> {
  const key = 'k3y5ecr3tw3bh00k';
  const receiver: Omit<WebhookReceiver, 'url' | typeof Symbol.asyncDispose> = { key, received: [], status };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text: the test says what it expected
      }
      receiver.received.push({ path: request.url ?? '', contentType: request.headers['content-type'], body });
      response.writeHead(receiver.status).end(receiver.status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/hooks/${key}`,
    [Symbol.asyncDispose]: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  });
}
