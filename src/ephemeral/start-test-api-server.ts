// Starts fabric8's mock Kubernetes API server (CRUD mode, plain HTTP on loopback) as a sidecar JVM
// and writes a kubeconfig for it. The sidecar exits when our stdin pipe closes, so it cannot outlive
// this process; stop() ends it by PID and removes the kubeconfig.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { K8sError } from '../k8s/k8s-error.ts';
import { prepareTestApiServer } from './prepare-test-api-server.ts';

const READY_PREFIX = 'drill-kube-api: listening on ';
const LOG_LINES = 50;

/** A fixed answer for what CRUD mode cannot produce, e.g. `{ status: 403, method: 'GET', path: '/apis/batch/v1/…' }`. */
export interface ApiAnswer {
  status: number;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
}

export interface TestApiServerOptions {
  namespace?: string;
  answers?: ApiAnswer[];
  startTimeoutMs?: number;
}

export interface StartedTestApiServer {
  readonly kubeconfigPath: string;
  readonly url: string;
  readonly context: string;
  readonly namespace: string;
  /** The bearer token written in the kubeconfig (the mock ignores it; redaction tests look for it). */
  readonly token: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export async function startTestApiServer(options: TestApiServerOptions = {}): Promise<StartedTestApiServer> {
  const { classpath } = await prepareTestApiServer();
  const args = [
    '-cp',
    classpath,
    'DrillKubeApi',
    ...(options.answers ?? []).map((a) => `--answer=${a.status}:${a.method}:${a.path}`),
  ];
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const keep = (line: string) => {
    logs.push(line);
    if (logs.length > LOG_LINES) logs.shift();
  };
  createInterface({ input: child.stderr }).on('line', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stopChild = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin.end();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };

  let dir: string | undefined;
  try {
    const url = await waitForReady(child, exited, options.startTimeoutMs ?? 60_000, logs);
    dir = await mkdtemp(join(tmpdir(), 'drill-kube-api-'));
    const namespace = options.namespace ?? 'drill';
    const token = `drill-test-${randomBytes(12).toString('hex')}`;
    const kubeconfigPath = join(dir, 'kubeconfig.yaml');
    await writeFile(kubeconfigPath, kubeconfig(url, namespace, token), { mode: 0o600 });
    const tempDir = dir;
    return {
      kubeconfigPath,
      url,
      context: 'drill-test',
      namespace,
      token,
      pid: child.pid ?? -1,
      async stop() {
        await stopChild();
        await rm(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopChild();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function waitForReady(
  child: ReturnType<typeof spawn>,
  exited: Promise<number | null>,
  timeoutMs: number,
  logs: string[],
): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (what: string) =>
      reject(
        new K8sError(
          `test API server (java DrillKubeApi) ${what}; its last ${logs.length} log lines:\n${logs.join('\n')}`,
        ),
      );
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new K8sError('test API server: cannot run java (Java 17 is required)', { cause: error }));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(`exited with code ${code} before it was ready`);
    });
    if (child.stdout === null) return fail('has no stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return;
      clearTimeout(timer);
      resolve(line.slice(READY_PREFIX.length).trim());
    });
  });
}

function kubeconfig(url: string, namespace: string, token: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: drill-test',
    '  cluster:',
    `    server: ${url}`,
    // client-node refuses plain http unless TLS verification is off; the mock serves http on loopback
    '    insecure-skip-tls-verify: true',
    'users:',
    '- name: drill-test',
    '  user:',
    `    token: ${token}`,
    'contexts:',
    '- name: drill-test',
    '  context:',
    '    cluster: drill-test',
    '    user: drill-test',
    `    namespace: ${namespace}`,
    'current-context: drill-test',
    '',
  ].join('\n');
}
