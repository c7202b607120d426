// tt1 — Déploiement via la CI (admin). Cluster: the admin's Deployments rolled out at the tag to
// deploy, and the admin and export health endpoints answer. Ephemeral: the services the
// environment itself runs answer for real (PostgreSQL, the engine, the export service's /healthz).
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  adminHealthTarget,
  checkRollouts,
  exportHealthTarget,
  probe,
  resolveDeployRef,
  settleProbes,
  startOutsideWorld,
  type OutsideWorld,
} from '../src/checks/index.ts';
import { loadChecksConfig } from '../src/config/index.ts';
import { getServerVersion, loadKubeClient } from '../src/k8s/index.ts';
import {
  assertionId,
  recordMeasure,
  recordVersion,
  task,
  useEnv,
  useRunOptions,
  warn,
} from '../src/drill/index.ts';

task('tt1', () => {
  const config = loadChecksConfig();
  const reporter = { warn, recordMeasure };
  let world: OutsideWorld | undefined;
  beforeAll(() => {
    if (useRunOptions().target !== 'ephemeral') return;
    const { descriptor } = useEnv();
    const localHosts = [descriptor.search?.url, config.admin.exportUrl].flatMap((url) =>
      url ? [new URL(url).hostname] : [],
    );
    world = startOutsideWorld({ localHosts });
  });
  afterAll(() => world?.close());

  it('PostgreSQL answers', assertionId('tt1.postgres'), async () => {
    const { rows } = await useEnv().pg.query<{ version: string }>(
      "SELECT current_setting('server_version') AS version",
    );
    expect(rows[0]?.version).toMatch(/^\d+/);
  });

  it('the search engine answers and is not red', assertionId('tt1.search-health'), async () => {
    const health = await useEnv().search.health();
    expect(health.status, 'tt1: the search engine cluster health').not.toBe('red');
  });

  it(
    'the export service answers /healthz with {"status":"available"}',
    assertionId('tt1.export-health'),
    async () => {
      const result = await probe(exportHealthTarget(config), { defaults: config.probe });
      settleProbes('tt1', [result], reporter);
      expect(result.ok).toBe(true);
    },
  );

  it.runIf(useRunOptions().target === 'cluster')(
    'the admin answers /healthz (cluster only: the ephemeral target runs no admin frontend)',
    assertionId('tt1.admin-health'),
    async () => {
      const result = await probe(adminHealthTarget(config), { defaults: config.probe });
      settleProbes('tt1', [result], reporter);
      expect(result.ok).toBe(true);
    },
  );

  it.runIf(useRunOptions().target === 'cluster')(
    'the admin Deployments are rolled out at the tag to deploy (cluster only: the ephemeral target runs no Deployment)',
    assertionId('tt1.admin-rollout'),
    async () => {
      const { tag } = await resolveDeployRef(config, 'admin', 'tt1');
      const { adminNamespace: namespace, adminDeployments: deployments } = config.cluster;
      const client = loadKubeClient({ context: config.cluster.kubeContext, namespace });
      // evidence, not a check: a cluster that hides its version still runs the drill
      await getServerVersion(client).then(
        (version) => recordVersion('Kubernetes', version),
        (error: unknown) =>
          warn(`tt1: the API server's version is not recorded: ${(error as Error).message}`),
      );
      const reports = await checkRollouts(client, { namespace, deployments, tag, task: 'tt1' });
      expect(reports.map((report) => report.name)).toEqual(deployments);
    },
  );
});
