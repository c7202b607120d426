import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probe, readRecordings, startOutsideWorld, type OutsideWorld } from '../../src/checks/index.ts';
import { loadChecksConfig } from '../../src/config/index.ts';

describe('recorded outside world', () => {
  let world: OutsideWorld;
  const local = createServer((_, res) => res.end('local'));
  beforeAll(async () => {
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    world = startOutsideWorld();
  });
  afterAll(async () => {
    world.close();
    await new Promise((resolve) => local.close(resolve));
  });

  it('every recording under fixtures/http is valid', () => {
    expect(readRecordings().length).toBeGreaterThan(0);
  });

  it('answers the default side services as recorded: the new recherche-entreprises host up, the old one gone', async () => {
    const config = loadChecksConfig({ env: {} });
    const services = config.sideServices;
    const current = await probe(services['recherche-entreprises']!, { defaults: config.probe });
    const old = await probe(services['recherche-entreprises (runbook host)']!, {
      defaults: { ...config.probe, retries: 0 },
    });
    expect(current.ok).toBe(true);
    expect(old).toMatchObject({ ok: false, failure: 'dns' });
  });

  it('lets nothing leave the machine: an unrecorded outside request fails and says so', async () => {
    const error = await fetch('https://example.org/anything?token=abc123').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    const cause = (error as Error).cause as Error & { code: string };
    expect(cause.code).toBe('EDRILLOFFLINE');
    expect(cause.message).toBe(
      'no recording for GET https://example.org/anything?token=***: nothing leaves the machine',
    );
  });

  it("lets the environment's own services (loopback) through", async () => {
    const { port } = local.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.text()).toBe('local');
  });
});
