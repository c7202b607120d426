// A GET to the control plane over TLS with a client certificate (the API server trusts its own CA
// only; global fetch cannot take a CA or a client certificate).
import { readFile } from 'node:fs/promises';
import { request } from 'node:https';
import type { CertificatePaths } from './control-plane-pki.ts';

export interface TlsGetResult {
  status: number;
  body: string;
}

export async function tlsGet(
  url: string,
  caCert: string,
  client: CertificatePaths,
  timeoutMs = 2_000,
): Promise<TlsGetResult> {
  const [ca, cert, key] = await Promise.all([readFile(caCert), readFile(client.cert), readFile(client.key)]);
  return new Promise((resolve, reject) => {
    const req = request(url, { ca, cert, key, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
