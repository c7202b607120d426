import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSecrets } from './run-secrets.ts';

describe('runSecrets', () => {
  const token = 'kube-token-4f1c9a7e2b';
  let dir: string;
  let kubeconfig: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'run-secrets-'));
    kubeconfig = join(dir, 'config');
    await writeFile(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'current-context: prod',
        'clusters: [{ name: prod, cluster: { server: "https://127.0.0.1:6443" } }]',
        `users: [{ name: drill, user: { token: ${token} } }]`,
        'contexts: [{ name: prod, context: { cluster: prod, user: drill } }]',
      ].join('\n'),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("adds the kubeconfig's credentials on a cluster run", () => {
    expect(runSecrets(undefined, { DRILL_TARGET: 'cluster', KUBECONFIG: kubeconfig })).toContain(token);
  });

  it("still redacts when a DRILL_* variable is invalid, the kubeconfig's credentials included", () => {
    expect(runSecrets(undefined, { DRILL_JOB_TIMEOUT_MS: 'soon', KUBECONFIG: kubeconfig })).toContain(token);
  });

  it('leaves the kubeconfig alone on an ephemeral run, and takes secret-named variables', () => {
    const secrets = runSecrets(undefined, {
      DRILL_TARGET: 'ephemeral',
      KUBECONFIG: kubeconfig,
      GITHUB_TOKEN: 'ghp-secret-value',
    });
    expect(secrets).not.toContain(token);
    expect(secrets).toContain('ghp-secret-value');
  });
});
