// tt1/tp1 building blocks: the site's smoke checks and the deployed commit against the recorded
// frontend, the export health answer, and the cluster rollout check's refusal without src/k8s.
import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkRollouts,
  CheckError,
  exportHealthTarget,
  frontendCommitTarget,
  frontendSmokeTargets,
  probe,
  resolveDeployRef,
  startOutsideWorld,
  type OutsideWorld,
} from '../../src/checks/index.ts';
import { loadChecksConfig } from '../../src/config/index.ts';
import type { KubeClient } from '../../src/k8s/index.ts';

const config = loadChecksConfig({
  env: { DRILL_PROBE_RETRIES: '0', DRILL_EXPORT_URL: 'http://export.drill.test:8787' },
});

describe('delivery checks against the recorded outside world', () => {
  let world: OutsideWorld;
  beforeAll(() => {
    world = startOutsideWorld();
  });
  afterAll(() => world.close());

  it("the recorded site passes every smoke check of the runbook's final step", async () => {
    const results = await Promise.all(
      frontendSmokeTargets(config).map((target) => probe(target, { defaults: config.probe })),
    );
    expect(results.filter((result) => !result.ok).map((result) => result.problem)).toEqual([]);
    expect(results.map((result) => result.service)).toEqual([
      'frontend /api/health',
      'frontend /',
      'frontend /api/presearch?q=licenciement',
      'frontend /api/suggest?q=con',
      'frontend /api/idcc?q=1596',
      'frontend /code-du-travail/l2312-1',
      'frontend /sitemap.xml',
    ]);
  });

  it('/api/health reports the commit of the tag to deploy, and a mismatch names both', async () => {
    const ref = await resolveDeployRef(config, 'frontend', 'tp1');
    expect((await probe(frontendCommitTarget(config, ref.commit), { defaults: config.probe })).ok).toBe(true);
    const stale = await probe(frontendCommitTarget(config, '0'.repeat(40)), { defaults: config.probe });
    expect(stale.problem).toBe(
      `frontend /api/health commit: GET https://code.travail.gouv.fr/api/health: expected field commit = "${'0'.repeat(40)}", found "${ref.commit}"`,
    );
  });

  it('an empty presearch or a sitemap served as HTML fails the smoke checks, naming the route', async () => {
    world.server.use(
      http.get('https://code.travail.gouv.fr/api/presearch', () =>
        HttpResponse.json({ results: [], class: 'unknown' }),
      ),
      http.get('https://code.travail.gouv.fr/sitemap.xml', () => HttpResponse.html('<html>not found</html>')),
    );
    const results = await Promise.all(
      frontendSmokeTargets(config).map((target) => probe(target, { defaults: config.probe })),
    );
    expect(results.filter((result) => !result.ok).map((result) => result.problem)).toEqual([
      'frontend /api/presearch?q=licenciement: GET https://code.travail.gouv.fr/api/presearch?q=licenciement: expected field results to be non-empty, found "[]"',
      'frontend /sitemap.xml: GET https://code.travail.gouv.fr/sitemap.xml: expected content type text/xml, found text/html',
    ]);
  });

  it('the export health check wants {"status":"available"}', async () => {
    world.server.use(
      http.get('http://export.drill.test:8787/healthz', () => HttpResponse.json({ status: 'busy' })),
    );
    const result = await probe(exportHealthTarget(config), { defaults: config.probe });
    expect(result.problem).toBe(
      'export /healthz: GET http://export.drill.test:8787/healthz: expected field status = "available", found "busy"',
    );
  });

  it('an unset export URL is reported as not configured, naming the variable', async () => {
    const result = await probe(exportHealthTarget(loadChecksConfig({ env: {} })));
    expect(result).toMatchObject({
      ok: false,
      failure: 'not-configured',
      problem: 'export /healthz: not configured (set DRILL_EXPORT_URL)',
    });
  });
});

describe('cluster rollouts', () => {
  // Kubernetes double: the API server's Deployment answers, through the client's calling convention.
  const kube = (deployments: Record<string, { image: string; updated: number; available: number }>) =>
    ({
      namespace: 'default',
      call: (_call: unknown, run: () => Promise<unknown>) => run(),
      apps: {
        readNamespacedDeployment: async ({ name }: { name: string }) => {
          const d = deployments[name];
          if (!d) throw new Error(`deployments.apps "${name}" not found`);
          return {
            metadata: { generation: 3 },
            spec: { replicas: 2, template: { spec: { containers: [{ name, image: d.image }] } } },
            status: {
              observedGeneration: 3,
              replicas: 2,
              updatedReplicas: d.updated,
              availableReplicas: d.available,
            },
          };
        },
      },
    }) as unknown as KubeClient;
  const expectation = {
    namespace: 'cdtn-admin',
    deployments: ['www', 'export'],
    tag: 'v2.77.9',
    task: 'tt1',
  };

  it('pass when every Deployment is rolled out with an image of the tag', async () => {
    const client = kube({
      www: { image: 'ghcr.io/socialgouv/cdtn-admin/frontend:2.77.9', updated: 2, available: 2 },
      export: { image: 'ghcr.io/socialgouv/cdtn-admin/export:v2.77.9', updated: 2, available: 2 },
    });
    expect((await checkRollouts(client, expectation)).map((s) => s.name)).toEqual(['www', 'export']);
  });

  it('fail on a Deployment still rolling out, or at another tag, or missing, naming it', async () => {
    const rolling = kube({ www: { image: 'x/frontend:v2.77.9', updated: 1, available: 1 } });
    await expect(checkRollouts(rolling, expectation)).rejects.toThrow(
      'tt1: Deployment cdtn-admin/www: expected rolled out (every replica updated and available), found 1/2 replicas updated, 1 available, generation 3/3 observed',
    );
    const stale = kube({ www: { image: 'x/frontend:v2.77.8', updated: 2, available: 2 } });
    await expect(checkRollouts(stale, expectation)).rejects.toThrow(
      'tt1: Deployment cdtn-admin/www: expected an image tagged v2.77.9, found x/frontend:v2.77.8',
    );
    const missing = kube({ www: { image: 'x/frontend:v2.77.9', updated: 2, available: 2 } });
    const error = await checkRollouts(missing, expectation).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckError);
    expect(String(error)).toContain(
      'tt1: Deployment cdtn-admin/export: expected a readable Deployment, found deployments.apps "export" not found',
    );
  });
});
