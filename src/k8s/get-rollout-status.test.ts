import { describe, expect, it } from 'vitest';
import { imageTag } from './get-rollout-status.ts';

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
