import { describe, expect, it } from 'vitest';
import { imageTag, judgeRollout } from './get-rollout-status.ts';

describe('imageTag', () => {
  it.each([
    ['ghcr.io/socialgouv/cdtn-admin/api:v2.77.9', 'v2.77.9'],
    ['registry.local:5000/cdtn/www:4.236.2', '4.236.2'],
    ['registry.local:5000/cdtn/www', undefined],
    ['ghcr.io/socialgouv/cdtn-admin/api:v2.77.9@sha256:0123abcd', 'v2.77.9'],
    ['ghcr.io/socialgouv/cdtn-admin/api@sha256:0123abcd', undefined],
  ])('%s → %s', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });
});

describe('judgeRollout', () => {
  // The moment after an update, before the Deployment controller has seen it: its counts are the
  // previous generation's (a real controller observes within milliseconds, too fast to catch).
  it('is not complete while the controller has not observed the latest generation', () => {
    const counts = { replicas: 2, updatedReplicas: 2, availableReplicas: 2 };
    const deployment = (observedGeneration: number) => ({
      metadata: { generation: 3 },
      spec: { replicas: 2, selector: {}, template: {} },
      status: { observedGeneration, ...counts },
    });
    const where = { name: 'www', namespace: 'cdtn-admin' };
    expect(judgeRollout(deployment(2), where).complete).toBe(false);
    expect(judgeRollout(deployment(3), where).complete).toBe(true);
  });
});
