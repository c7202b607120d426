// msw scenarios for the bad-input tests: one outside service misbehaving in one way.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { networkError } from '../../src/checks/index.ts';

type Url = string;

export const faults = {
  timeout: (url: Url): HttpHandler => http.all(url, async () => delay('infinite')),
  serverError: (url: Url, status = 503): HttpHandler =>
    http.all(url, () =>
      HttpResponse.text('upstream unavailable', { status, statusText: 'Service Unavailable' }),
    ),
  dnsFailure: (url: Url): HttpHandler =>
    http.all(url, () => {
      throw networkError('ENOTFOUND', `getaddrinfo ENOTFOUND ${new URL(url).hostname}`);
    }),
  tlsError: (url: Url): HttpHandler =>
    http.all(url, () => {
      throw networkError('CERT_HAS_EXPIRED', 'certificate has expired');
    }),
  /** An answer with this status and no body (e.g. Mattermost's 405 to a GET on a webhook). */
  status: (url: Url, status: number): HttpHandler => http.all(url, () => new HttpResponse(null, { status })),
  html: (url: Url, text = '<html><body>Maintenance</body></html>'): HttpHandler =>
    http.all(url, () => HttpResponse.html(text)),
  json: (url: Url, body: unknown): HttpHandler => http.all(url, () => HttpResponse.json(body as never)),
};
