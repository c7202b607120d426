// msw handlers built from the recorded responses under fixtures/http/: one JSON file per outside
// service, each a list of exchanges (request → response, or → network error such as ENOTFOUND).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { http, HttpResponse, type AnyHandler } from 'msw';
import { z } from 'zod';
import { networkError } from './quiet-network-errors.ts';

const exchangeSchema = z
  .strictObject({
    request: z.strictObject({
      method: z.enum(['GET', 'HEAD', 'POST']).default('GET'),
      /** Query parameters given here must be present with these values; others are ignored. */
      url: z.url(),
    }),
    response: z
      .strictObject({
        status: z.number().int().default(200),
        headers: z.record(z.string(), z.string()).default({}),
        json: z.unknown().optional(),
        text: z.string().optional(),
      })
      .optional(),
    /** A failure below HTTP, as Node reports it (`ENOTFOUND`, `CERT_HAS_EXPIRED`, `ECONNREFUSED`…). */
    networkError: z.strictObject({ code: z.string(), message: z.string() }).optional(),
  })
  .refine((e) => (e.response === undefined) !== (e.networkError === undefined), {
    message: 'exactly one of response or networkError',
  });

export const recordingSchema = z.strictObject({
  description: z.string(),
  exchanges: z.array(exchangeSchema).min(1),
});
export type Exchange = z.infer<typeof exchangeSchema>;

export const HTTP_FIXTURES_DIR = new URL('../../fixtures/http/', import.meta.url).pathname;

/** Every exchange of every recording in the folder, validated (the file is named on error). */
export function readRecordings(dir: string = HTTP_FIXTURES_DIR): Exchange[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const parsed = recordingSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) throw new Error(`fixtures/http: ${path}: ${z.prettifyError(parsed.error)}`);
      return parsed.data.exchanges;
    });
}

/** One handler answering every recorded exchange; unmatched requests fall through. */
export function createRecordedHandlers(exchanges: Exchange[] = readRecordings()): AnyHandler[] {
  return [
    http.all('*', ({ request }) => {
      const exchange = exchanges.find((e) => matches(e, request));
      return exchange ? replay(exchange) : undefined;
    }),
  ];
}

function matches(exchange: Exchange, request: Request): boolean {
  if (exchange.request.method !== request.method) return false;
  const want = new URL(exchange.request.url);
  const got = new URL(request.url);
  if (want.origin !== got.origin || want.pathname !== got.pathname) return false;
  return [...want.searchParams].every(([name, value]) => got.searchParams.getAll(name).includes(value));
}

function replay(exchange: Exchange): Response {
  if (exchange.networkError) throw networkError(exchange.networkError.code, exchange.networkError.message);
  const { status, headers, json, text } = exchange.response!;
  if (json !== undefined) return HttpResponse.json(json as never, { status, headers });
  return new HttpResponse(text ?? null, { status, headers });
}
