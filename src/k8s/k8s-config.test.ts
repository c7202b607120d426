import { describe, expect, it } from 'vitest';
import { readK8sConfig } from './k8s-config.ts';

describe('readK8sConfig', () => {
  it('maps the variables onto the client options', () => {
    expect(
      readK8sConfig({
        DRILL_KUBE_CONTEXT: 'ovh-prod',
        DRILL_ADMIN_NAMESPACE: 'cdtn-admin',
        DRILL_JOB_TIMEOUT_MS: '60000',
        DRILL_ALLOW_JOB: '1',
        DRILL_REPLACE_FINISHED_JOB: 'true',
      }),
    ).toEqual({
      context: 'ovh-prod',
      namespace: 'cdtn-admin',
      jobTimeoutMs: 60_000,
      allowJob: true,
      replaceFinishedJob: true,
    });
    expect(readK8sConfig({})).toEqual({ allowJob: false, replaceFinishedJob: false });
  });

  it('reports every invalid variable at once', () => {
    expect(() =>
      readK8sConfig({
        DRILL_JOB_TIMEOUT_MS: 'soon',
        DRILL_ALLOW_JOB: 'yes',
        DRILL_REPLACE_FINISHED_JOB: 'y',
      }),
    ).toThrow(
      /DRILL_JOB_TIMEOUT_MS: .*found "soon"\n {2}DRILL_ALLOW_JOB: .*found "yes"\n {2}DRILL_REPLACE_FINISHED_JOB: .*found "y"/,
    );
  });
});
