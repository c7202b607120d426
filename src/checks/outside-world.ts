// The outside world of the ephemeral target: msw answers every outside call from recordings;
// the environment's own services (loopback, or the hosts given) pass through; anything else errors,
// so nothing leaves the machine.
import { http, type AnyHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { networkError, quietRecordedNetworkErrors } from './quiet-network-errors.ts';
import { createRecordedHandlers } from './recorded-handlers.ts';
import { redactUrl } from './redact.ts';

export interface OutsideWorldOptions {
  /** Handlers consulted before the recordings (e.g. the fake npm registry). */
  handlers?: AnyHandler[];
  /** Extra hosts the environment itself runs (the engine's, the export service's). */
  localHosts?: string[];
}

export interface OutsideWorld extends Disposable {
  server: SetupServer;
  close(): void;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function startOutsideWorld(options: OutsideWorldOptions = {}): OutsideWorld {
  const local = new Set([...LOOPBACK, ...(options.localHosts ?? [])]);
  // The last handler refuses every outside request nothing else answered. (A handler, not
  // `onUnhandledFrame`: msw lets a request through when that callback throws.)
  const refuseOutside = http.all('*', ({ request }) => {
    if (local.has(new URL(request.url).hostname)) return undefined;
    const what = `${request.method} ${redactUrl(request.url)}`;
    throw networkError('EDRILLOFFLINE', `no recording for ${what}: nothing leaves the machine`);
  });
  const server = setupServer(...(options.handlers ?? []), ...createRecordedHandlers(), refuseOutside);
  const loud = quietRecordedNetworkErrors();
  server.listen({ onUnhandledFrame: 'bypass' });
  const close = () => {
    server.close();
    loud();
  };
  return { server, close, [Symbol.dispose]: close };
}
