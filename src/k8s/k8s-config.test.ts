import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readK8sConfig } from './k8s-config.ts';

describe('readK8sConfig', () => {
  it('maps the variables onto the client options', () => {
    expect(
      readK8sConfig({
        DRILL_KUBE_CONTEXT: 'ovh-prod',
        DRILL_ADMIN_NAMESPACE: 'cdtn-admin-preprod',
        DRILL_JOB_TIMEOUT_MS: '60000',
        DRILL_ALLOW_JOB: '1',
        DRILL_REPLACE_FINISHED_JOB: 'true',
      }),
    ).toEqual({
      context: 'ovh-prod',
      namespace: 'cdtn-admin-preprod',
      jobTimeoutMs: 60_000,
      allowJob: true,
      replaceFinishedJob: true,
    });
    expect(readK8sConfig({})).toEqual({
      namespace: 'cdtn-admin',
      allowJob: false,
      replaceFinishedJob: false,
    });
  });

  it("takes the admin namespace from the checks configuration's file as well, so both read one value", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cdtn-drill-config-'));
    try {
      const file = join(dir, 'drill.json');
      await writeFile(file, JSON.stringify({ cluster: { adminNamespace: 'cdtn-admin-from-file' } }));
      expect(readK8sConfig({ DRILL_CONFIG: file }).namespace).toBe('cdtn-admin-from-file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reports every invalid variable at once', () => {
    expect(() =>
      readK8sConfig({
        DRILL_JOB_TIMEOUT_MS: 'soon',
        DRILL_ALLOW_JOB: 'yes',
        DRILL_REPLACE_FINISHED_JOB: 'y',
      }),
    ).toThrow(
      /DRILL_JOB_TIMEOUT_MS: .*received "soon"\n {2}- DRILL_ALLOW_JOB: .*received "yes"\n {2}- DRILL_REPLACE_FINISHED_JOB: .*received "y"/,
    );
  });
});
