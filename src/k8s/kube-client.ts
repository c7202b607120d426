// A client configured from a kubeconfig (explicit path, or KUBECONFIG / ~/.kube/config as kubectl
// reads them), with its context and namespace selectable; every call goes through KubeCaller.
import { existsSync } from 'node:fs';
import { AppsV1Api, BatchV1Api, CoordinationV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { K8sError } from './k8s-error.ts';
import { createKubeCaller, type KubeCaller } from './kube-call.ts';

export interface KubeClientOptions {
  /** A kubeconfig file; without it, KUBECONFIG then ~/.kube/config. */
  kubeconfigPath?: string;
  /** Default: the kubeconfig's current context. */
  context?: string;
  /** Default: the context's namespace, then `default`. */
  namespace?: string;
}

export interface KubeClient extends KubeCaller {
  readonly config: KubeConfig;
  readonly namespace: string;
  readonly batch: BatchV1Api;
  readonly core: CoreV1Api;
  readonly apps: AppsV1Api;
  readonly coordination: CoordinationV1Api;
}

export function loadKubeConfig(
  options: Pick<KubeClientOptions, 'kubeconfigPath' | 'context'> = {},
): KubeConfig {
  const config = new KubeConfig();
  const path = options.kubeconfigPath;
  try {
    if (path === undefined) config.loadFromDefault();
    else if (!existsSync(path)) throw new K8sError(`k8s: kubeconfig ${path} does not exist`);
    else config.loadFromFile(path);
  } catch (error) {
    if (error instanceof K8sError) throw error;
    throw new K8sError(
      `k8s: cannot read the kubeconfig ${path ?? process.env.KUBECONFIG ?? '~/.kube/config'}`,
      { cause: error },
    );
  }
  if (options.context !== undefined) {
    if (config.getContextObject(options.context) === null) {
      const known = config.getContexts().map((context) => context.name);
      throw new K8sError(
        `k8s: context ${options.context} is not in the kubeconfig; it has: ${known.join(', ') || '(none)'}`,
      );
    }
    config.setCurrentContext(options.context);
  }
  if (config.getCurrentCluster() === null) {
    throw new K8sError(
      `k8s: the kubeconfig's context "${config.getCurrentContext()}" names no cluster; set current-context or pass a context`,
    );
  }
  return config;
}

export function loadKubeClient(options: KubeClientOptions = {}): KubeClient {
  const config = loadKubeConfig(options);
  const context = config.getCurrentContext();
  const namespace = options.namespace ?? config.getContextObject(context)?.namespace ?? 'default';
  const caller = createKubeCaller({ context, server: config.getCurrentCluster()?.server ?? '(no server)' });
  return {
    ...caller,
    config,
    namespace,
    batch: config.makeApiClient(BatchV1Api),
    core: config.makeApiClient(CoreV1Api),
    apps: config.makeApiClient(AppsV1Api),
    coordination: config.makeApiClient(CoordinationV1Api),
  };
}
