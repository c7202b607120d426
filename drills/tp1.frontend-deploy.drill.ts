// tp1 — Déploiement via la CI (frontend), then the runbook's last step: "se connecter sur
// https://code.travail.gouv.fr". Both targets: the frontend's own queries answered from the
// engine's prod aliases as PostgreSQL says they should (read-only: on a cluster, the recovered
// production index itself), /api/health reports the deployed commit, and the site's smoke checks
// pass (recorded answers in ephemeral mode, the real site in cluster mode). Cluster only: the
// frontend Deployment rolled out at the tag to deploy.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CheckError,
  checkIdcc,
  checkLaborCodeArticle,
  checkPresearch,
  checkRollouts,
  checkSuggest,
  frontendCommitTarget,
  frontendSmokeTargets,
  probe,
  readPublishedArticleId,
  readPublishedIdccs,
  resolveDeployRef,
  settleProbes,
  startOutsideWorld,
  type OutsideWorld,
} from '../src/checks/index.ts';
import { loadChecksConfig } from '../src/config/index.ts';
import { loadKubeClient } from '../src/k8s/index.ts';
import { assertionId, recordMeasure, task, useEnv, useRunOptions, warn } from '../src/drill/index.ts';

task('tp1', () => {
  const config = loadChecksConfig();
  const { aliasPrefix, presearchQuery, suggestQuery, articleSlug } = config.frontend;
  const reporter = { warn, recordMeasure };
  const ephemeral = useRunOptions().target === 'ephemeral';
  const contract = () => ({ search: useEnv().search, aliasPrefix });
  let world: OutsideWorld | undefined;
  beforeAll(() => {
    if (!ephemeral) return;
    const searchUrl = useEnv().descriptor.search?.url;
    world = startOutsideWorld({ localHosts: searchUrl ? [new URL(searchUrl).hostname] : [] });
  });
  afterAll(() => world?.close());

  it.runIf(!ephemeral)(
    'the frontend Deployment is rolled out at the tag to deploy (cluster only: the ephemeral target runs no Deployment)',
    assertionId('tp1.rollout'),
    async () => {
      const { tag } = await resolveDeployRef(config, 'frontend', 'tp1');
      const { frontendNamespace: namespace, frontendDeployments: deployments } = config.cluster;
      const client = loadKubeClient({ context: config.cluster.kubeContext, namespace });
      const reports = await checkRollouts(client, { namespace, deployments, tag, task: 'tp1' });
      expect(reports.map((report) => report.name)).toEqual(deployments);
    },
  );

  it(
    `presearch "${presearchQuery}" finds documents on ${aliasPrefix}_documents`,
    assertionId('tp1.presearch'),
    async () => {
      expect(await checkPresearch(contract(), presearchQuery)).toBeGreaterThan(0);
    },
  );

  it(
    `suggest "${suggestQuery}" returns titles from ${aliasPrefix}_suggestions`,
    assertionId('tp1.suggest'),
    async () => {
      expect((await checkSuggest(contract(), suggestQuery)).length).toBeGreaterThan(0);
    },
  );

  it(
    'the idcc search puts a published convention first when asked its number',
    assertionId('tp1.idcc'),
    async () => {
      const published = await readPublishedIdccs(useEnv().pg);
      const wanted = Number(config.frontend.idcc);
      const idcc = published.includes(wanted) ? wanted : published[0];
      if (idcc === undefined) {
        const details = {
          task: 'tp1',
          object: 'PostgreSQL documents',
          expected: 'published conventions_collectives',
          found: 'none',
        };
        throw new CheckError(details);
      }
      if (idcc !== wanted)
        warn(`tp1: IDCC ${wanted} is not among the published conventions; checked IDCC ${idcc}`);
      await checkIdcc(contract(), idcc);
    },
  );

  it(
    `the document behind /code-du-travail/${articleSlug} is the one PostgreSQL publishes`,
    assertionId('tp1.article'),
    async () => {
      const cdtnId = await readPublishedArticleId(useEnv().pg, articleSlug);
      if (cdtnId === undefined) {
        const object = 'PostgreSQL documents';
        const expected = `a published code_du_travail article with slug ${articleSlug}`;
        throw new CheckError({ task: 'tp1', object, expected, found: 'none' });
      }
      await checkLaborCodeArticle(contract(), articleSlug, cdtnId);
    },
  );

  it('/api/health reports the deployed commit', assertionId('tp1.health-commit'), async () => {
    const ref = await resolveDeployRef(config, 'frontend', 'tp1');
    const result = await probe(frontendCommitTarget(config, ref.commit), { defaults: config.probe });
    settleProbes('tp1', [result], reporter);
    expect(result.ok).toBe(true);
  });

  it(
    `se connecter sur ${config.frontend.url}: the site passes its smoke checks`,
    assertionId('tp1.smoke'),
    async () => {
      const targets = frontendSmokeTargets(config);
      const results = await Promise.all(targets.map((target) => probe(target, { defaults: config.probe })));
      settleProbes('tp1', results, reporter);
      expect(results.filter((result) => result.ok)).toHaveLength(targets.length);
    },
  );
});
