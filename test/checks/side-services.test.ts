// gt3's verdict with the configured side services and the recorded outside world, one service
// misbehaving at a time: required ones fail the task, optional and obsolete ones only warn.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  probe,
  RequiredServicesError,
  settleProbes,
  startOutsideWorld,
  type OutsideWorld,
} from '../../src/checks/index.ts';
import { loadChecksConfig } from '../../src/config/index.ts';
import { faults } from './faults.ts';

const WEBHOOK_KEY = 'x9kq4hooksecret';
const config = loadChecksConfig({
  env: {
    DRILL_PROBE_TIMEOUT_MS: '300',
    DRILL_PROBE_RETRIES: '1',
    DRILL_PROBE_BACKOFF_MS: '1',
    MATTERMOST_WEBHOOK: `https://mattermost.drill.test/hooks/${WEBHOOK_KEY}`,
  },
});

async function runGt3(): Promise<{ warnings: string[]; error?: unknown }> {
  const warnings: string[] = [];
  const results = await Promise.all(
    Object.values(config.sideServices).map((service) => probe(service, { defaults: config.probe })),
  );
  try {
    settleProbes('gt3', results, { warn: (m) => warnings.push(m), recordMeasure: () => {} });
    return { warnings };
  } catch (error) {
    return { warnings, error };
  }
}

describe('gt3 side services', () => {
  let world: OutsideWorld;
  beforeAll(() => {
    world = startOutsideWorld();
  });
  afterEach(() => world.server.resetHandlers());
  afterAll(() => world.close());

  it('passes with the recorded services and reports the runbook drift', async () => {
    world.server.use(faults.status(`https://mattermost.drill.test/hooks/${WEBHOOK_KEY}`, 405));
    const { warnings, error } = await runGt3();
    expect(error).toBeUndefined();
    expect(warnings.filter((w) => w.includes('runbook drift'))).toHaveLength(5);
    expect(warnings.some((w) => w.startsWith('gt3: obsolete service, not failing: serving-ml'))).toBe(true);
    expect(warnings.join('\n')).not.toContain(WEBHOOK_KEY);
  });

  it.each([
    ['matomo', 'https://matomo.fabrique.social.gouv.fr/matomo.js', faults.serverError],
    ['sentry', 'https://sentry2.fabrique.social.gouv.fr/_health/', faults.timeout],
    ['mattermost webhook', `https://mattermost.drill.test/hooks/${WEBHOOK_KEY}`, faults.tlsError],
  ])('only warns when the optional service %s is down', async (name, url, fault) => {
    world.server.use(fault(url));
    const { warnings, error } = await runGt3();
    expect(error).toBeUndefined();
    expect(warnings.some((w) => w.startsWith(`gt3: optional service, not failing: ${name}: GET`))).toBe(true);
    expect(warnings.join('\n')).not.toContain(WEBHOOK_KEY);
  });

  it.each([
    ['a timeout', faults.timeout, 'no answer within 300 ms'],
    ['a 5xx', faults.serverError, 'expected HTTP 200, found HTTP 503'],
    [
      'a DNS failure',
      faults.dnsFailure,
      'DNS lookup of recherche-entreprises.api.gouv.fr failed (ENOTFOUND)',
    ],
    ['a TLS error', faults.tlsError, 'TLS error (CERT_HAS_EXPIRED'],
    [
      'a 200 with the wrong content',
      (url: string) => faults.html(url),
      'expected content type application/json, found text/html',
    ],
  ])('fails when the required recherche-entreprises answers with %s', async (_, fault, found) => {
    world.server.use(fault('https://recherche-entreprises.api.gouv.fr/search'));
    const { error } = await runGt3();
    expect(error).toBeInstanceOf(RequiredServicesError);
    const message = (error as Error).message;
    expect(message).toContain('gt3: 1 required service(s) failed:');
    expect(message).toContain(
      'recherche-entreprises: GET https://recherche-entreprises.api.gouv.fr/search?q=travail&page=1&per_page=1:',
    );
    expect(message).toContain(found);
  });
});
