import { KubeConfig } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { environmentSecrets, kubeconfigSecrets, redact, redactError } from './redact.ts';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.drill-token-payload.signature123';
const PASSWORD = 'kube-p4ssw0rd-xyz';
const KEY_PEM =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAdrillkeymaterial0123456789\n-----END RSA PRIVATE KEY-----';
const KEY_DATA = Buffer.from(KEY_PEM).toString('base64');
const OIDC_REFRESH = 'oidc-refresh-token-abcdef123';

const KUBECONFIG = `apiVersion: v1
kind: Config
clusters:
- name: ovh
  cluster:
    server: https://api.ovh.example:6443
users:
- name: drill
  user:
    token: ${TOKEN}
- name: basic
  user:
    username: admin
    password: ${PASSWORD}
- name: cert
  user:
    client-certificate-data: Y2VydA==
    client-key-data: ${KEY_DATA}
- name: oidc
  user:
    auth-provider:
      name: oidc
      config:
        refresh-token: ${OIDC_REFRESH}
contexts:
- name: ovh-prod
  context: { cluster: ovh, user: drill, namespace: cdtn-admin }
current-context: ovh-prod
`;

function loaded(): KubeConfig {
  const config = new KubeConfig();
  config.loadFromString(KUBECONFIG);
  return config;
}

describe('redact', () => {
  it('removes every credential of a kubeconfig, by value and by field', () => {
    const secrets = kubeconfigSecrets(loaded());
    expect(secrets).toEqual(expect.arrayContaining([TOKEN, PASSWORD, KEY_DATA, OIDC_REFRESH]));
    const texts = [
      KUBECONFIG,
      loaded().exportConfig(),
      JSON.stringify(loaded().exportConfig()),
      `decoded key:\n${KEY_PEM}`,
    ];
    for (const text of texts) {
      for (const out of [redact(text, secrets), redact(text)]) {
        for (const secret of [
          TOKEN,
          PASSWORD,
          KEY_DATA,
          OIDC_REFRESH,
          'MIIEowIBAAKCAQEAdrillkeymaterial0123456789',
        ])
          expect(out).not.toContain(secret);
      }
    }
    expect(redact(KUBECONFIG)).toContain('server: https://api.ovh.example:6443');
    expect(redact('{"user":{"token":"abc12345"},"name":"drill"}')).toBe(
      '{"user":{"token":"***"},"name":"drill"}',
    );
  });

  it('removes bearer headers and URL passwords', () => {
    const out = redact(
      `GET /apis with Authorization: Bearer ${TOKEN} to postgres://cdtn:pg-secret-1@db:5432/cdtn-admin`,
    );
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain('pg-secret-1');
    expect(out).toContain('Authorization: Bearer ***');
  });

  it('finds the secrets of the environment', () => {
    const env = {
      DATABASE_URL: 'postgres://cdtn:pg-secret-1@db/cdtn',
      PGPASSWORD: 'pg-secret-2',
      HASURA_GRAPHQL_ADMIN_SECRET: 'hasura-3',
      PGHOST: 'db',
    };
    expect(environmentSecrets(env).sort()).toEqual(['hasura-3', 'pg-secret-1', 'pg-secret-2']);
  });

  it('redacts an error and its causes', () => {
    const error = new Error('k8s: cannot reach the API server', {
      cause: new Error(`login with password ${PASSWORD} refused`),
    });
    const out = redactError(error, [PASSWORD]);
    expect(out).toBe(
      'Error: k8s: cannot reach the API server\ncaused by: Error: login with password *** refused',
    );
  });
});
