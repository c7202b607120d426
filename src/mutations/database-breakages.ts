// Breakages of the drill's database, for the mutations of gt4, tt1, tt2 and tt3: data lost or
// altered after a restore or an ingestion, a database that refuses logins.
import pg from 'pg';
import type { Mutation } from '../drill/mutation.ts';
import type { DrillEnv } from '../env/drill-env.ts';
import { toMaintenanceClientConfig, toPgClientConfig } from '../env/pg-client-config.ts';
import { withClient } from '../pg/throwaway-postgres.ts';

/** A copy of one document under another cdtn_id and slug: (source, initial_id) now twice. */
export async function duplicateDocument(env: DrillEnv, source?: string): Promise<void> {
  await withClient(toPgClientConfig(env.descriptor.pg), async (client) => {
    await client.query(
      `CREATE TEMP TABLE copied AS SELECT * FROM public.documents
        WHERE is_available AND ($1::text IS NULL OR source = $1) ORDER BY cdtn_id LIMIT 1`,
      [source ?? null],
    );
    await client.query(`UPDATE copied SET cdtn_id = 'sensitivity-copy', slug = slug || '-copy'`);
    await client.query('INSERT INTO public.documents SELECT * FROM copied');
  });
}

/** The database refuses new logins and ends the open ones (the drill's pools included). */
export async function refuseConnections(env: DrillEnv): Promise<void> {
  const { database } = env.descriptor.pg;
  await withClient(toMaintenanceClientConfig(env.descriptor.pg), async (client) => {
    await client.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} ALLOW_CONNECTIONS false`);
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
  });
}

export async function allowConnections(env: DrillEnv): Promise<void> {
  const { database } = env.descriptor.pg;
  await withClient(toMaintenanceClientConfig(env.descriptor.pg), (client) =>
    client.query(`ALTER DATABASE ${pg.escapeIdentifier(database)} ALLOW_CONNECTIONS true`),
  );
}

/** A mutation that is one SQL statement (or several, `;`-separated) on the drill's database. */
export function sqlMutation(declared: Omit<Mutation, 'apply' | 'env' | 'undo'>, sql: string): Mutation {
  return { ...declared, apply: async (env) => void (await env.pg.query(sql)) };
}

/** `<breaks>.logins-refused`: the database refuses every login, until undone. */
export function loginsRefused(breaks: string): Mutation {
  return {
    id: `${breaks}.logins-refused`,
    breaks,
    description: 'the database refuses every login (ALLOW_CONNECTIONS false)',
    at: 'before-action',
    apply: refuseConnections,
    undo: allowConnections,
  };
}
