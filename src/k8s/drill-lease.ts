// The Lease that stops two drills colliding in one namespace: acquired at the start (a second
// acquirer fails at once, naming the holder), renewed while the run lasts, released at the end,
// also on failure (withDrillLease). An expired lease (holder gone without releasing) is taken over.
import { hostname, userInfo } from 'node:os';
import { V1MicroTime, type V1Lease } from '@kubernetes/client-node';
import { K8sError } from './k8s-error.ts';
import type { KubeCall } from './kube-call.ts';
import type { KubeClient } from './kube-client.ts';

export const DRILL_LEASE_NAME = 'cdtn-recovery-drill';

export interface DrillLeaseOptions {
  name?: string;
  namespace?: string;
  /** Default: `<user>@<host>/<pid>`. */
  holderIdentity?: string;
  durationSeconds?: number;
  /** Default: a third of the duration. */
  renewEveryMs?: number;
}

export interface HeldLease {
  readonly name: string;
  readonly namespace: string;
  readonly holderIdentity: string;
  /** Aborted when a renewal fails: the run no longer holds the lease. */
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

export async function acquireDrillLease(
  client: KubeClient,
  options: DrillLeaseOptions = {},
): Promise<HeldLease> {
  const name = options.name ?? DRILL_LEASE_NAME;
  const namespace = options.namespace ?? client.namespace;
  const holderIdentity = options.holderIdentity ?? `${userInfo().username}@${hostname()}/${process.pid}`;
  const durationSeconds = options.durationSeconds ?? 60;
  const call = (verb: KubeCall['verb']): KubeCall => ({
    verb,
    resource: 'leases',
    group: 'coordination.k8s.io',
    namespace,
    name,
  });
  const read = () =>
    client.call(call('get'), () => client.coordination.readNamespacedLease({ name, namespace }));
  const replace = (body: V1Lease) =>
    client.call(call('update'), () => client.coordination.replaceNamespacedLease({ name, namespace, body }));

  let lease = await read().catch((error: unknown) => {
    if (error instanceof K8sError && error.status === 404) return undefined;
    throw error;
  });
  const now = new V1MicroTime();
  const spec = { holderIdentity, leaseDurationSeconds: durationSeconds, acquireTime: now, renewTime: now };
  if (lease === undefined) {
    const body: V1Lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace },
      spec,
    };
    lease = await client
      .call(call('create'), () => client.coordination.createNamespacedLease({ namespace, body }))
      .catch((error: unknown) => {
        throw error instanceof K8sError && error.status === 409
          ? heldError(name, namespace, undefined, error)
          : error;
      });
  } else {
    if (isHeld(lease, holderIdentity)) throw heldError(name, namespace, lease);
    // the resourceVersion we read makes a concurrent taker fail with 409 instead of both winning
    lease = await replace({
      ...lease,
      spec: { ...lease.spec, ...spec, leaseTransitions: (lease.spec?.leaseTransitions ?? 0) + 1 },
    }).catch((error: unknown) => {
      throw error instanceof K8sError && error.status === 409
        ? heldError(name, namespace, undefined, error)
        : error;
    });
  }

  const lost = new AbortController();
  const renewEveryMs = options.renewEveryMs ?? (durationSeconds * 1000) / 3;
  let current = lease;
  let released = false;
  let renewing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  // one renewal at a time: two in flight would carry the same resourceVersion and the second would
  // fail with a conflict, as if someone else had taken the lease
  const scheduleRenewal = () => {
    if (released || lost.signal.aborted) return;
    timer = setTimeout(() => {
      renewing = replace({ ...current, spec: { ...current.spec, renewTime: new V1MicroTime() } }).then(
        (renewed) => {
          current = renewed;
          scheduleRenewal();
        },
        (error: unknown) =>
          lost.abort(
            new K8sError(`k8s: lost the Lease ${namespace}/${name}: its renewal failed`, { cause: error }),
          ),
      );
    }, renewEveryMs);
    timer.unref();
  };
  scheduleRenewal();

  return {
    name,
    namespace,
    holderIdentity,
    lost: lost.signal,
    async release() {
      if (released) return;
      released = true;
      clearTimeout(timer);
      await renewing;
      const latest = await read();
      if (latest.spec?.holderIdentity !== holderIdentity) return; // taken over after we lost it: not ours to clear
      // an empty holder is how client-go's leader election releases: the next acquirer takes it at once
      await replace({
        ...latest,
        spec: { ...latest.spec, holderIdentity: undefined, renewTime: undefined, acquireTime: undefined },
      });
    },
  };
}

/**
 * Acquires the lease, runs `work`, releases the lease whatever happens. When the work failed and
 * the release fails too, the error says both (the work's error stays the cause).
 */
export async function withDrillLease<T>(
  client: KubeClient,
  options: DrillLeaseOptions,
  work: (lease: HeldLease) => Promise<T>,
): Promise<T> {
  const lease = await acquireDrillLease(client, options);
  let result: T;
  try {
    result = await work(lease);
  } catch (error) {
    await lease.release().catch((releaseError: unknown) => {
      const reason = releaseError instanceof Error ? releaseError.message : String(releaseError);
      throw new K8sError(
        `${error instanceof Error ? error.message : String(error)}; and the Lease ${lease.namespace}/${lease.name} ` +
          `could not be released (it expires once its holder stops renewing it): ${reason}`,
        { cause: error },
      );
    });
    throw error;
  }
  await lease.release();
  return result;
}

function isHeld(lease: V1Lease, self: string): boolean {
  const holder = lease.spec?.holderIdentity;
  if (!holder || holder === self) return false;
  const renewed = lease.spec?.renewTime ?? lease.spec?.acquireTime;
  const duration = lease.spec?.leaseDurationSeconds ?? 0;
  return renewed !== undefined && new Date(renewed).getTime() + duration * 1000 > Date.now();
}

function heldError(name: string, namespace: string, lease: V1Lease | undefined, cause?: unknown): K8sError {
  const holder = lease?.spec?.holderIdentity ?? 'another drill (it took the lease at the same moment)';
  const renewed = lease?.spec?.renewTime ? `, renewed ${new Date(lease.spec.renewTime).toISOString()}` : '';
  const duration = lease?.spec?.leaseDurationSeconds ? ` for ${lease.spec.leaseDurationSeconds} s` : '';
  return new K8sError(
    `k8s: another drill is running in namespace ${namespace}: the Lease ${name} is held by ${holder}${renewed}${duration}; ` +
      `wait for it to finish, or, if it died, for the lease to expire`,
    { cause, status: 409 },
  );
}
