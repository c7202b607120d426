// The drill's Lease on a real API server, taken by the drill's ServiceAccount: a stale
// resourceVersion answers 409 from the server itself.
import { setTimeout as sleep } from 'node:timers/promises';
import { V1MicroTime } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { acquireDrillLease, DRILL_LEASE_NAME, type KubeClient } from '../../src/k8s/index.ts';
import { drillInNewNamespaces } from './drill-account.ts';
import { useControlPlane } from './fixtures.ts';

const controlPlane = useControlPlane();

function readLease(client: KubeClient) {
  return client.coordination.readNamespacedLease({ name: DRILL_LEASE_NAME, namespace: client.namespace });
}

/** The Lease of a drill that died two minutes ago, its 60 s long expired, after three transitions. */
async function createExpiredLease(admin: KubeClient): Promise<void> {
  const longAgo = new V1MicroTime(Date.now() - 120_000);
  await admin.coordination.createNamespacedLease({
    namespace: admin.namespace,
    body: {
      metadata: { name: DRILL_LEASE_NAME },
      spec: {
        holderIdentity: 'crashed@ci/run-0',
        leaseDurationSeconds: 60,
        renewTime: longAgo,
        acquireTime: longAgo,
        leaseTransitions: 3,
      },
    },
  });
}

describe('the drill Lease', () => {
  it('makes a second drill in the namespace fail at once, naming the holder, until it is released', async () => {
    const { drill: client } = await drillInNewNamespaces(controlPlane());
    const first = await acquireDrillLease(client, { holderIdentity: 'alice@ci/run-1' });
    try {
      await expect(acquireDrillLease(client, { holderIdentity: 'bob@laptop/run-2' })).rejects.toThrow(
        new RegExp(
          `another drill is running in namespace ${client.namespace}: the Lease ${DRILL_LEASE_NAME} is held by alice@ci/run-1, renewed \\S+ for 60 s`,
        ),
      );
    } finally {
      await first.release();
    }
    expect((await readLease(client)).spec?.holderIdentity).toBeUndefined();
    const second = await acquireDrillLease(client, { holderIdentity: 'bob@laptop/run-2' });
    expect((await readLease(client)).spec?.holderIdentity).toBe('bob@laptop/run-2');
    await second.release();
  });

  it('is renewed while the run lasts', async () => {
    const { drill: client } = await drillInNewNamespaces(controlPlane());
    const lease = await acquireDrillLease(client, { holderIdentity: 'alice@ci/run-1', renewEveryMs: 50 });
    try {
      const acquired = new Date(String((await readLease(client)).spec?.renewTime)).getTime();
      await sleep(300);
      const renewed = new Date(String((await readLease(client)).spec?.renewTime)).getTime();
      expect(renewed).toBeGreaterThan(acquired);
      expect(lease.lost.aborted).toBe(false);
    } finally {
      await lease.release();
    }
  });

  it('is taken over when its holder stopped renewing it past its duration', async () => {
    const { admin, drill: client } = await drillInNewNamespaces(controlPlane());
    await createExpiredLease(admin);
    const lease = await acquireDrillLease(client, { holderIdentity: 'alice@ci/run-1' });
    const stored = await readLease(client);
    expect(stored.spec).toMatchObject({ holderIdentity: 'alice@ci/run-1', leaseTransitions: 4 });
    await lease.release();
  });

  it('signals the run when a renewal fails', async () => {
    const { admin, drill: client } = await drillInNewNamespaces(controlPlane());
    const lease = await acquireDrillLease(client, { holderIdentity: 'alice@ci/run-1', renewEveryMs: 50 });
    // an administrator deletes it under us: the next renewal cannot update it
    await admin.coordination.deleteNamespacedLease({ name: DRILL_LEASE_NAME, namespace: client.namespace });
    await sleep(300);
    expect(lease.lost.aborted).toBe(true);
    expect(String(lease.lost.reason)).toContain(`lost the Lease ${client.namespace}/${DRILL_LEASE_NAME}`);
    await expect(lease.release()).rejects.toThrow('not found');
  });

  it('lets one of two drills taking an expired lease at once win: the other meets a conflict', async () => {
    const { admin, drill: client } = await drillInNewNamespaces(controlPlane());
    await createExpiredLease(admin);
    // both read the same resourceVersion before either writes: the API server refuses the second write
    const takers = ['alice@ci/run-1', 'bob@laptop/run-2'];
    const outcomes = await Promise.allSettled(
      takers.map((holderIdentity) => acquireDrillLease(client, { holderIdentity })),
    );
    const won = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(won).toHaveLength(1);
    expect(String(lost[0])).toContain(
      `another drill is running in namespace ${client.namespace}: the Lease ${DRILL_LEASE_NAME} is held by another drill (it took the lease at the same moment)`,
    );
    expect((lost[0] as { cause?: { status?: number } }).cause?.status).toBe(409);
    expect((await readLease(client)).spec?.holderIdentity).toBe(won[0]?.holderIdentity);
    await won[0]?.release();
  });
});
