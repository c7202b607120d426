// Every error the Kubernetes module raises, built in one place: they name the object, the
// namespace, the context and API server, what was expected and what was found; the low-level
// error stays as `cause`. Never a token: the kubeconfig's credentials are not in any message.
import { ApiException } from '@kubernetes/client-node';
import type { KubeCall } from './kube-call.ts';

export class K8sError extends Error {
  override name = 'K8sError';
  /** HTTP status of the API server's answer, when there was one. */
  readonly status: number | undefined;

  constructor(message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
  }
}

/** Where the calls go, for messages: "context drill-test, API server http://127.0.0.1:4321". */
export interface KubeTarget {
  context: string;
  server: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

export function apiCallError(call: KubeCall, target: KubeTarget, error: unknown): K8sError {
  const object = describeObject(call);
  const where = `(context ${target.context}, API server ${target.server})`;
  if (error instanceof ApiException) {
    const code = error.code;
    const reason = statusMessage(error.body);
    if (code === 404)
      return new K8sError(`k8s: ${object} not found ${where}`, { cause: error, status: code });
    if (code === 403 || code === 401) {
      return new K8sError(
        `k8s: forbidden to ${call.verb} ${call.resource} (apiGroup "${call.group}") in namespace ${call.namespace} ${where}: ${reason}; ` +
          'the drill needs the grants of deploy/rbac.yaml',
        { cause: error, status: code },
      );
    }
    return new K8sError(`k8s: ${call.verb} ${object} answered HTTP ${code} ${where}: ${reason}`, {
      cause: error,
      status: code,
    });
  }
  const network = networkCode(error);
  if (network !== undefined) {
    return new K8sError(
      `k8s: cannot reach the Kubernetes API server ${target.server} (context ${target.context}) to ${call.verb} ${object}: ${network}`,
      {
        cause: error,
      },
    );
  }
  return new K8sError(
    `k8s: ${call.verb} ${object} failed ${where}: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

const KINDS: Record<string, string> = {
  cronjobs: 'CronJob',
  jobs: 'Job',
  pods: 'Pod',
  deployments: 'Deployment',
  leases: 'Lease',
};

function describeObject(call: KubeCall): string {
  const [plural = call.resource, subresource] = call.resource.split('/');
  const kind = (KINDS[plural] ?? plural) + (subresource === undefined ? '' : ` ${subresource}`);
  return call.name === undefined
    ? `${kind} in namespace ${call.namespace}`
    : `${kind} ${call.namespace}/${call.name}`;
}

function statusMessage(body: unknown): string {
  const parsed = typeof body === 'string' ? safeParse(body) : body;
  if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string')
    return parsed.message;
  return typeof body === 'string' && body !== '' ? body.slice(0, 200) : 'no message';
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The system error code somewhere in the cause chain (undici wraps it in "fetch failed"). */
function networkCode(error: unknown): string | undefined {
  const chain = causes(error);
  for (const current of chain) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  }
  const fetchFailed = chain.find((current) => current.message === 'fetch failed');
  if (fetchFailed === undefined) return undefined;
  return fetchFailed.cause instanceof Error ? fetchFailed.cause.message : 'fetch failed';
}

function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current = error; current instanceof Error && chain.length < 5; current = current.cause)
    chain.push(current);
  return chain;
}
