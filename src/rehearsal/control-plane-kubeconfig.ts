// A kubeconfig for one identity on the control plane, a client certificate or a bearer token (a
// service account's, from TokenRequest). JSON is valid YAML: kubectl and @kubernetes/client-node
// read it as is.
import { writeFile } from 'node:fs/promises';
import type { CertificatePaths } from './control-plane-pki.ts';

export interface KubeconfigOptions {
  server: string;
  caCert: string;
  user: CertificatePaths | { token: string };
  context: string;
  namespace?: string;
}

export async function writeKubeconfig(path: string, options: KubeconfigOptions): Promise<void> {
  const { server, caCert, user, context } = options;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: context, cluster: { server, 'certificate-authority': caCert } }],
    users: [
      {
        name: context,
        user: 'token' in user ? user : { 'client-certificate': user.cert, 'client-key': user.key },
      },
    ],
    contexts: [
      {
        name: context,
        context: { cluster: context, user: context, namespace: options.namespace ?? 'default' },
      },
    ],
    'current-context': context,
  };
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}
