// gt1 — Récupération du code source de l'applicatif: both application repositories answer on
// GitHub and the tag to deploy exists (DRILL_ADMIN_TAG / DRILL_FRONTEND_TAG, default: latest release).
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  probeRepository,
  resolveDeployRef,
  settleProbes,
  startOutsideWorld,
  type OutsideWorld,
} from '../src/checks/index.ts';
import { loadChecksConfig } from '../src/config/index.ts';
import { assertionId, recordMeasure, task, useRunOptions, warn } from '../src/drill/index.ts';

task('gt1', () => {
  const config = loadChecksConfig();
  const apps = Object.values(config.github.apps);
  const reporter = { warn, recordMeasure };
  let world: OutsideWorld | undefined;
  beforeAll(() => {
    if (useRunOptions().target === 'ephemeral') world = startOutsideWorld();
  });
  afterAll(() => world?.close());

  it('both application repositories answer on GitHub', assertionId('gt1.repositories'), async () => {
    const results = await Promise.all(apps.map((app) => probeRepository(config, app.repo)));
    settleProbes('gt1', results, reporter);
    expect(results.every((result) => result.ok)).toBe(true);
  });

  it('the tag to deploy exists in each application repository', assertionId('gt1.deploy-tag'), async () => {
    for (const app of ['admin', 'frontend'] as const) {
      const ref = await resolveDeployRef(config, app, 'gt1');
      settleProbes('gt1', ref.probes, reporter);
      expect(ref.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });
});
