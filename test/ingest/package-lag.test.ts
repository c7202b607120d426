// How far package_version may be behind the registry on a live system: from a packument played by
// msw at the reserved registry host, as the registry publishes it (dist-tags and time).
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureLagWithin,
  fetchPublishHistory,
  measurePackageLag,
  SERVED_REGISTRY_URL,
} from '../../src/ingest/index.ts';

const FICHES = '@socialgouv/fiches-travail-data';
const NOW = new Date('2026-11-30T12:00:00Z');
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const packument = {
  name: FICHES,
  'dist-tags': { latest: '4.1174.0' },
  time: {
    created: hoursAgo(10_000),
    modified: hoursAgo(1),
    '4.1171.0': hoursAgo(200),
    '4.1172.0': hoursAgo(100),
    '4.1173.0': hoursAgo(30),
    '4.1174.0': hoursAgo(5),
    '4.1175.0-beta.1': hoursAgo(2),
  },
};
const server = setupServer(
  http.get(`${SERVED_REGISTRY_URL}/@socialgouv/:name`, () => HttpResponse.json(packument)),
);
const registry = {
  url: SERVED_REGISTRY_URL,
  timeoutMs: 1000,
  downloadTimeoutMs: 1000,
  retries: 0,
  backoffMs: 1,
};

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

describe('package lag behind the registry', () => {
  it('is measured from the first version not ingested, up to latest', async () => {
    const history = await fetchPublishHistory(FICHES, registry);
    expect(measurePackageLag(history, '4.1174.0', NOW)).toEqual({
      installed: '4.1174.0',
      latest: '4.1174.0',
      versionsBehind: 0,
      hoursBehind: 0,
    });
    expect(measurePackageLag(history, '4.1172.0', NOW)).toEqual({
      installed: '4.1172.0',
      latest: '4.1174.0',
      versionsBehind: 2,
      hoursBehind: 30,
    });
  });

  it('fails past the limit, naming the package, the versions and the hours', async () => {
    const history = await fetchPublishHistory(FICHES, registry);
    expect(() => ensureLagWithin(FICHES, measurePackageLag(history, '4.1173.0', NOW), 48)).not.toThrow();
    expect(() => ensureLagWithin(FICHES, measurePackageLag(history, '4.1171.0', NOW), 48)).toThrow(
      `tt3: ${FICHES}: package_version is 4.1171.0, 3 version(s) behind the registry's latest 4.1174.0, the first of them published 100 h ago: expected at most 48 h behind (DRILL_MAX_PACKAGE_LAG_HOURS)`,
    );
  });
});
