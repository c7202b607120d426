// The command lines of etcd, kube-apiserver and kube-controller-manager for a rehearsal: loopback
// only, RBAC, client certificates, service-account tokens, and the controllers the drill meets.
// The flags, and the traps they avoid, are in docs/drill-prod.md ("Rehearsal on a real control plane").
import { join } from 'node:path';
import type { ControlPlanePki } from './control-plane-pki.ts';

export interface ControlPlanePorts {
  etcdClient: number;
  etcdPeer: number;
  apiServer: number;
}

/** Tokens that TokenRequest issues name this issuer (and it is their default audience). */
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc';

const CONTROLLERS = [
  'job-controller',
  'cronjob-controller',
  'deployment-controller',
  'replicaset-controller',
  'serviceaccount-controller',
  'serviceaccount-token-controller',
  'garbage-collector-controller',
  'namespace-controller',
  'ttl-after-finished-controller',
  'root-ca-certificate-publisher-controller',
  'clusterrole-aggregation-controller',
  // a node (start-node.ts): lifts the not-ready taint once it is Ready, and removes its lost pods
  'node-lifecycle-controller',
  'pod-garbage-collector-controller',
];

export function etcdArgs(runDir: string, ports: ControlPlanePorts): string[] {
  const client = `http://127.0.0.1:${ports.etcdClient}`;
  const peer = `http://127.0.0.1:${ports.etcdPeer}`;
  return [
    ...['--name', 'rehearsal', '--data-dir', join(runDir, 'etcd')],
    ...['--listen-client-urls', client, '--advertise-client-urls', client],
    ...[
      '--listen-peer-urls',
      peer,
      '--initial-advertise-peer-urls',
      peer,
      '--initial-cluster',
      `rehearsal=${peer}`,
    ],
    // a throwaway store: durability would only cost time
    '--unsafe-no-fsync',
    ...['--log-level', 'warn'],
  ];
}

export function apiServerArgs(pki: ControlPlanePki, ports: ControlPlanePorts): string[] {
  return [
    ...['--bind-address', '127.0.0.1', '--advertise-address', '127.0.0.1'],
    ...['--secure-port', String(ports.apiServer)],
    ...['--etcd-servers', `http://127.0.0.1:${ports.etcdClient}`],
    ...['--tls-cert-file', pki.apiServer.cert, '--tls-private-key-file', pki.apiServer.key],
    ...['--client-ca-file', pki.caCert, '--authorization-mode', 'RBAC'],
    ...['--service-account-issuer', SERVICE_ACCOUNT_ISSUER],
    ...['--service-account-key-file', pki.serviceAccountPublicKey],
    ...['--service-account-signing-key-file', pki.serviceAccountKey],
    '--service-cluster-ip-range=10.0.0.0/24',
    // logs and exec of a node's pods (start-node.ts): the API server calls its kubelet
    ...['--kubelet-client-certificate', pki.apiServerKubeletClient.cert],
    ...['--kubelet-client-key', pki.apiServerKubeletClient.key],
    '--kubelet-preferred-address-types=InternalIP',
    // the default reconciler refuses a loopback advertise address
    '--endpoint-reconciler-type=none',
    '--profiling=false',
  ];
}

export function controllerManagerArgs(pki: ControlPlanePki, kubeconfigPath: string): string[] {
  return [
    ...['--kubeconfig', kubeconfigPath, '--leader-elect=false'],
    // each controller acts as its own service account, under the bootstrap RBAC roles, as in production
    '--use-service-account-credentials=true',
    // no health endpoint: readiness is the serviceaccount controller's first object
    '--secure-port=0',
    `--controllers=${CONTROLLERS.join(',')}`,
    ...['--service-account-private-key-file', pki.serviceAccountKey, '--root-ca-file', pki.caCert],
  ];
}
