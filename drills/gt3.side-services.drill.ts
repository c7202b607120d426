// gt3 — Vérification des services annexes: each side service probed; required ones fail the
// task, optional and obsolete ones are warnings; drift from the runbook is reported.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { probe, settleProbes, startOutsideWorld, type OutsideWorld } from '../src/checks/index.ts';
import { loadChecksConfig } from '../src/config/index.ts';
import { assertionId, recordMeasure, task, useRunOptions, warn } from '../src/drill/index.ts';

task('gt3', () => {
  const config = loadChecksConfig();
  let world: OutsideWorld | undefined;
  beforeAll(() => {
    if (useRunOptions().target === 'ephemeral') world = startOutsideWorld();
  });
  afterAll(() => world?.close());

  it(
    'every required side service answers; optional and obsolete ones are reported',
    assertionId('gt3.required-services'),
    async () => {
      const services = Object.values(config.sideServices);
      const results = await Promise.all(
        services.map((service) => probe(service, { defaults: config.probe })),
      );
      settleProbes('gt3', results, { warn, recordMeasure });
      const required = results.filter((result) => result.level === 'required');
      expect(required.every((result) => result.ok)).toBe(true);
    },
  );
});
