// The control plane's own PKI, made fresh for each run (openssl, EC P-256, valid two days): a CA,
// the API server's serving certificate for 127.0.0.1, client certificates for the administrator,
// the controller manager and the API server's calls to kubelets (logs, exec), and the
// service-account signing key pair that TokenRequest needs. issueClientCertificate signs more
// (a node's kubelet and scheduler) with the same CA.
import { generateKeyPairSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

export interface CertificatePaths {
  cert: string;
  key: string;
}

export interface ControlPlanePki {
  caCert: string;
  caKey: string;
  apiServer: CertificatePaths;
  /** CN=admin in system:masters: the administrator of the rehearsal cluster. */
  admin: CertificatePaths;
  /** CN=system:kube-controller-manager, bound by the API server's bootstrap RBAC policy. */
  controllerManager: CertificatePaths;
  /** CN=kube-apiserver-kubelet-client in system:masters: the API server at a kubelet's door. */
  apiServerKubeletClient: CertificatePaths;
  serviceAccountKey: string;
  serviceAccountPublicKey: string;
}

// Only what -subj and -addext say goes into a certificate (the system's openssl.cnf adds CA:true).
const OPENSSL_CONFIG = '[req]\ndistinguished_name = dn\n[dn]\n';
const VALID_DAYS = '2';

const paths = (dir: string, name: string): CertificatePaths => ({
  cert: join(dir, `${name}.crt`),
  key: join(dir, `${name}.key`),
});

async function issue(
  target: CertificatePaths,
  subject: string,
  extensions: string[],
  signer?: CertificatePaths,
): Promise<void> {
  const config = join(dirname(signer?.cert ?? target.cert), 'openssl.cnf');
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-noenc'];
  args.push('-keyout', target.key, '-out', target.cert, '-subj', subject, '-days', VALID_DAYS);
  args.push('-config', config, ...(signer ? ['-CA', signer.cert, '-CAkey', signer.key] : []));
  await execa('openssl', [...args, ...extensions.flatMap((extension) => ['-addext', extension])]);
}

const leaf = (usage: 'serverAuth' | 'clientAuth') => [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  `extendedKeyUsage=${usage}`,
];

/** A client certificate `<dir>/<name>.crt` for `subject` (e.g. /O=system:nodes/CN=system:node:x). */
export async function issueClientCertificate(
  pki: ControlPlanePki,
  dir: string,
  name: string,
  subject: string,
): Promise<CertificatePaths> {
  const target = paths(dir, name);
  await issue(target, subject, leaf('clientAuth'), { cert: pki.caCert, key: pki.caKey });
  return target;
}

export async function createControlPlanePki(dir: string): Promise<ControlPlanePki> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'openssl.cnf'), OPENSSL_CONFIG);
  const ca = paths(dir, 'ca');
  await issue(ca, '/CN=cdtn-drill-rehearsal-ca', [
    'basicConstraints=critical,CA:TRUE',
    'keyUsage=critical,keyCertSign',
  ]);
  const pki: ControlPlanePki = {
    caCert: ca.cert,
    caKey: ca.key,
    apiServer: paths(dir, 'kube-apiserver'),
    admin: paths(dir, 'admin'),
    controllerManager: paths(dir, 'kube-controller-manager'),
    apiServerKubeletClient: paths(dir, 'kube-apiserver-kubelet-client'),
    serviceAccountKey: join(dir, 'service-account.key'),
    serviceAccountPublicKey: join(dir, 'service-account.pub'),
  };
  // kubernetes.default.svc: the name pods and the controller manager's root-ca publisher use
  const serverNames = 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc';
  await Promise.all([
    issue(pki.apiServer, '/CN=kube-apiserver', [...leaf('serverAuth'), serverNames], ca),
    issue(pki.admin, '/O=system:masters/CN=admin', leaf('clientAuth'), ca),
    issue(pki.controllerManager, '/CN=system:kube-controller-manager', leaf('clientAuth'), ca),
    issue(
      pki.apiServerKubeletClient,
      '/O=system:masters/CN=kube-apiserver-kubelet-client',
      leaf('clientAuth'),
      ca,
    ),
  ]);
  const signing = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
    privateKeyEncoding: { type: 'sec1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  await writeFile(pki.serviceAccountKey, signing.privateKey, { mode: 0o600 });
  await writeFile(pki.serviceAccountPublicKey, signing.publicKey);
  return pki;
}
