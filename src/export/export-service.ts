// The reference exporter behind the HTTP API of export-elasticsearch (node:http, no framework):
//   GET /healthz → {"status":"available"}
//   POST /export {environment, userId} → 202 {isRunning:true}, 400 on validation errors, 500 when
//     export_es_status's rules refuse it (export-status.ts)
//   GET /export/latest → {preproduction, production}; GET /export?environment= → rows
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { EXPORT_ENVIRONMENTS, type ExportEnvironment } from './export-environment.ts';
import { ExportError, ExportInputError } from './export-error.ts';
import { claimExport, getLatestExports, listExports } from './export-status.ts';
import { runClaimedExport, type ExportDeps } from './export-to-search.ts';

export interface ExportService {
  url: string;
  close(): Promise<void>;
}

const ExportRequest = z.object({ environment: z.enum(EXPORT_ENVIRONMENTS), userId: z.uuid() });
const MAX_BODY_BYTES = 64 * 1024;

class HttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

export interface ExportServiceOptions extends ExportDeps {
  port?: number;
  host?: string;
  /** Index prefixes per environment; default cdtn-preprod-v2 / cdtn-prod-v2. */
  prefixes?: Partial<Record<ExportEnvironment, string>>;
}

export async function startExportService(deps: ExportServiceOptions): Promise<ExportService> {
  const running = new Set<Promise<unknown>>();
  const aborter = new AbortController();

  const startExport = async (request: IncomingMessage): Promise<[number, unknown]> => {
    const parsed = ExportRequest.safeParse(await readJson(request));
    if (!parsed.success) throw new HttpError(400, { errors: parsed.error.issues });
    const { environment, userId } = parsed.data;
    const row = await claimExport(deps.pool, environment, userId);
    // The export outlives the request: its outcome is on the status row.
    const prefix = deps.prefixes?.[environment];
    const run = runClaimedExport(deps, row, { environment, userId, prefix, signal: aborter.signal })
      .catch(() => undefined)
      .finally(() => running.delete(run));
    running.add(run);
    return [202, { isRunning: true, id: row.id }];
  };

  const route = async (request: IncomingMessage): Promise<[number, unknown]> => {
    const url = new URL(request.url ?? '/', 'http://export');
    const key = `${request.method} ${url.pathname.replace(/\/$/, '') || '/'}`;
    if (key === 'GET /healthz') return [200, { status: 'available' }];
    if (key === 'POST /export') return startExport(request);
    if (key === 'GET /export/latest') return [200, await getLatestExports(deps.pool)];
    if (key === 'GET /export') {
      const environment = url.searchParams.get('environment') ?? undefined;
      const parsed = z.enum(EXPORT_ENVIRONMENTS).optional().safeParse(environment);
      if (!parsed.success) throw new HttpError(400, { errors: parsed.error.issues });
      return [200, await listExports(deps.pool, parsed.data)];
    }
    throw new HttpError(404, { errors: `no route ${key}` });
  };

  const server = createServer((request, response) => {
    route(request).then(
      ([status, body]) => send(response, status, body),
      (error: unknown) => {
        if (error instanceof HttpError) return send(response, error.status, error.body);
        const message =
          error instanceof ExportError ? error.message : `export service: ${(error as Error).message}`;
        send(response, error instanceof ExportInputError ? 400 : 500, { errors: message });
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port ?? 0, deps.host ?? '127.0.0.1', resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    async close() {
      aborter.abort(new Error('export service closed'));
      await Promise.allSettled(running);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES)
      throw new HttpError(413, { errors: `body larger than ${MAX_BODY_BYTES} bytes` });
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch (error) {
    throw new HttpError(400, { errors: `body is not JSON: ${(error as Error).message}` });
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
