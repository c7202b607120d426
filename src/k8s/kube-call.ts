// The thin wrapper every API call of the module goes through: it records (verb, resource,
// apiGroup) so a test can compare what the module does with what deploy/rbac.yaml grants, and
// turns the client's failures into K8sError.
import { apiCallError, type KubeTarget } from './k8s-error.ts';

export type KubeVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete';

export interface KubeCall {
  verb: KubeVerb;
  /** Plural resource, with its subresource when there is one: `pods/log`, `jobs/status`. */
  resource: string;
  /** API group: '' for the core group. */
  group: string;
  namespace: string;
  name?: string;
}

export interface KubeCaller extends KubeTarget {
  /** Every call issued so far, in order. */
  readonly calls: KubeCall[];
  call<T>(call: KubeCall, send: () => Promise<T>): Promise<T>;
}

export function createKubeCaller(target: KubeTarget): KubeCaller {
  const calls: KubeCall[] = [];
  return {
    ...target,
    calls,
    async call(call, send) {
      calls.push(call);
      try {
        return await send();
      } catch (error) {
        throw apiCallError(call, target, error);
      }
    },
  };
}
