// The outside world of the ephemeral target: msw answers every outside call from recordings;
// the environment's own services (loopback, or the hosts given) pass through; anything else errors,
// so nothing leaves the machine.
import type { AnyHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { createRecordedHandlers, networkError } from './recorded-handlers.ts';
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
  const server = setupServer(...(options.handlers ?? []), ...createRecordedHandlers());
  server.listen({
    onUnhandledFrame: ({ frame }) => {
      const request = (frame.data as { request?: Request }).request;
      if (request && local.has(new URL(request.url).hostname)) return;
      // Thrown, not `defaults.error()` (which only prints): the fetch fails with this as its cause.
      const what = request ? `${request.method} ${redactUrl(request.url)}` : 'a non-HTTP frame';
      throw networkError('EDRILLOFFLINE', `no recording for ${what}: nothing leaves the machine`);
    },
  });
  const close = () => server.close();
  return { server, close, [Symbol.dispose]: close };
}
