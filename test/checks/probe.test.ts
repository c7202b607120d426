import { inspect } from 'node:util';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  probe,
  quietRecordedNetworkErrors,
  RequiredServicesError,
  settleProbes,
  type ProbeTarget,
} from '../../src/checks/index.ts';
import { faults } from './faults.ts';

const TOKEN = 'tok-7f3a9c';
const PASSWORD = 'pw-51ab2e';
const BEARER = 'ghp_bearer_90d1';
const URL_WITH_SECRETS = `https://drill:${PASSWORD}@svc.example.test/search?q=travail&token=${TOKEN}`;
const PLAIN = 'https://svc.example.test/search';
const FAST = { timeoutMs: 200, retries: 2, backoffMs: 1 };

const server = setupServer();
// Everything printed during the file, to grep for secrets at the end.
const printed: string[] = [];
let loud: () => void;
beforeAll(() => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    const through = console[method].bind(console);
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(
        args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' '),
      );
      through(...args);
    });
  }
  // Installed over the spies: the spies record what really reaches the console.
  loud = quietRecordedNetworkErrors();
  server.listen({ onUnhandledFrame: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  loud();
  vi.restoreAllMocks();
});

function target(overrides: Partial<ProbeTarget> = {}): ProbeTarget {
  return {
    name: 'recherche-entreprises',
    url: URL_WITH_SECRETS,
    level: 'required',
    headers: { authorization: `Bearer ${BEARER}` },
    expect: { status: [200], contentType: 'application/json', json: { path: 'results', nonEmpty: true } },
    ...overrides,
  };
}

function expectNoSecret(value: unknown): void {
  const printed = typeof value === 'string' ? value : inspect(value, { depth: 10 });
  for (const secret of [TOKEN, PASSWORD, BEARER]) expect(printed).not.toContain(secret);
}

describe('probe', () => {
  it('passes on a good answer and reports status, duration, attempts and the parsed body', async () => {
    let seenAuth: string | null = null;
    server.use(
      http.get(PLAIN, ({ request }) => {
        seenAuth = request.headers.get('authorization');
        return HttpResponse.json({ results: [{ siren: '130025265' }] });
      }),
    );
    const result = await probe(target(), { defaults: FAST });
    expect(result).toMatchObject({ ok: true, status: 200, attempts: 1, level: 'required' });
    expect(result.body).toEqual({ results: [{ siren: '130025265' }] });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(seenAuth).toBe(`Bearer ${BEARER}`);
    expectNoSecret(result);
  });

  const cases: Array<[string, (url: string) => ReturnType<typeof faults.html>, RegExp, number]> = [
    ['a timeout', faults.timeout, /no answer within 200 ms; expected an answer within 200 ms/, 3],
    ['a 5xx', faults.serverError, /expected HTTP 200, found HTTP 503/, 3],
    [
      'a DNS failure',
      faults.dnsFailure,
      /DNS lookup of svc\.example\.test failed \(ENOTFOUND\); expected svc\.example\.test to resolve/,
      1,
    ],
    [
      'a TLS error',
      faults.tlsError,
      /TLS error \(CERT_HAS_EXPIRED: certificate has expired\); expected a valid TLS certificate/,
      1,
    ],
    [
      'a 200 with the wrong content type',
      (url) => faults.html(url),
      /expected content type application\/json, found text\/html/,
      1,
    ],
    [
      'a 200 with the field empty',
      (url) => faults.json(url, { results: [] }),
      /expected field results to be non-empty, found "\[\]"/,
      1,
    ],
  ];

  it.each(cases)(
    'names the service, the URL without secrets and what was expected on %s',
    async (_, fault, message, attempts) => {
      server.use(fault(PLAIN));
      const result = await probe(target(), { defaults: FAST });
      expect(result.ok).toBe(false);
      expect(result.attempts).toBe(attempts);
      expect(result.problem).toMatch(
        /^recherche-entreprises: GET https:\/\/\*\*\*:\*\*\*@svc\.example\.test\/search\?q=travail&token=\*\*\*: /,
      );
      expect(result.problem).toMatch(message);
      expectNoSecret(result);
    },
  );

  it('retries a 5xx and passes when the service recovers', async () => {
    let calls = 0;
    server.use(
      http.get(PLAIN, () =>
        ++calls < 3 ? new HttpResponse(null, { status: 502 }) : HttpResponse.json({ results: [1] }),
      ),
    );
    const result = await probe(target(), { defaults: FAST });
    expect(result).toMatchObject({ ok: true, attempts: 3 });
  });

  it('finds a text in the body, and reports an excerpt when it is missing', async () => {
    server.use(faults.html('https://site.example.test/', '<html><title>Maintenance</title></html>'));
    const result = await probe(
      {
        name: 'frontend /',
        url: 'https://site.example.test/',
        level: 'required',
        expect: { status: [200], text: 'Code du travail numérique' },
      },
      { defaults: FAST },
    );
    expect(result.problem).toContain(
      'expected a body containing "Code du travail numérique", found "<html><title>Maintenance</title></html>"',
    );
  });

  it('reports a service with no URL as not configured, without probing it', async () => {
    const result = await probe({
      name: 's3 bucket',
      level: 'optional',
      reason: 'set DRILL_S3_URL',
      expect: { status: [200] },
    });
    expect(result).toMatchObject({ ok: false, attempts: 0, failure: 'not-configured' });
    expect(result.problem).toBe('s3 bucket: not configured (set DRILL_S3_URL)');
  });

  it('rethrows when the run is aborted instead of reporting the service', async () => {
    server.use(faults.timeout(PLAIN));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('Ctrl-C')), 20);
    await expect(
      probe(target(), { defaults: { ...FAST, timeoutMs: 5_000 }, signal: controller.signal }),
    ).rejects.toThrow('Ctrl-C');
  });
});

describe('settleProbes', () => {
  const recorded = () => {
    const warnings: string[] = [];
    const measures: string[] = [];
    return {
      warnings,
      measures,
      warn: (m: string) => warnings.push(m),
      recordMeasure: (n: string) => measures.push(n),
    };
  };

  it('never fails on optional or obsolete services: it warns, with the reason', async () => {
    server.use(faults.dnsFailure(PLAIN));
    const results = await Promise.all([
      probe(target({ name: 'serving-ml', level: 'obsolete', reason: 'removed in June 2024' }), {
        defaults: FAST,
      }),
      probe(target({ name: 'matomo', level: 'optional', reason: 'analytics are optional' }), {
        defaults: FAST,
      }),
    ]);
    const reporter = recorded();
    expect(() => settleProbes('gt3', results, reporter)).not.toThrow();
    expect(reporter.warnings).toHaveLength(2);
    expect(reporter.warnings[0]).toMatch(
      /^gt3: obsolete service, not failing: serving-ml: GET .*ENOTFOUND.*\(obsolete: removed in June 2024\)$/,
    );
    expect(reporter.measures).toEqual(['probe serving-ml', 'probe matomo']);
    expectNoSecret(reporter.warnings);
  });

  it('fails the task on a required service, naming each failure, without secrets', async () => {
    server.use(faults.serverError(PLAIN, 500));
    const result = await probe(target(), { defaults: FAST });
    let error: unknown;
    try {
      settleProbes('gt3', [result], recorded());
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RequiredServicesError);
    expect(String(error)).toMatch(
      /gt3: 1 required service\(s\) failed:\n {2}- recherche-entreprises: GET .*expected HTTP 200, found HTTP 500/,
    );
    expectNoSecret(error);
  });
});

describe('output', () => {
  it('printed no secret while probing failing services', () => {
    expectNoSecret(printed.join('\n'));
  });
});
