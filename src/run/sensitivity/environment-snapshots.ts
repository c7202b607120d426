// The state a task starts from, kept by the sensitivity run's baseline and put back before each
// mutation run of that task: the database as a template copy (CREATE DATABASE … TEMPLATE), the
// engine's indices and aliases as clones. No container restarts between mutations.
import pg from 'pg';
import type { DrillEnvDescriptor } from '../../env/drill-env.ts';
import { toMaintenanceClientConfig } from '../../env/pg-client-config.ts';
import { engineRequest } from '../../mutations/engine-request.ts';
import { withClient } from '../../pg/throwaway-postgres.ts';

const SNAPSHOT_PREFIX = 'sensitivity-snapshot';

export class EnvironmentSnapshots {
  readonly #env: { descriptor: DrillEnvDescriptor };
  readonly #aliases = new Map<string, Record<string, string[]>>();

  constructor(descriptor: DrillEnvDescriptor) {
    this.#env = { descriptor };
  }

  async take(name: string): Promise<void> {
    await this.#database(`DROP DATABASE IF EXISTS ${this.#copy(name)}`, name);
    await this.#database(`CREATE DATABASE ${this.#copy(name)} TEMPLATE ${this.#live()}`, name);
    await this.#deleteIndices(await this.#indices(`${SNAPSHOT_PREFIX}-${name}-`));
    const aliases: Record<string, string[]> = {};
    for (const index of await this.#indices()) {
      await this.#clone(index, `${SNAPSHOT_PREFIX}-${name}-${index}`);
      aliases[index] = await this.#aliasesOf(index);
    }
    this.#aliases.set(name, aliases);
  }

  async restore(name: string): Promise<void> {
    const aliases = this.#aliases.get(name);
    if (aliases === undefined) throw new Error(`sensitivity: no snapshot ${name} was taken`);
    await this.#database(`DROP DATABASE IF EXISTS ${this.#live()} WITH (FORCE)`, name);
    await this.#database(`CREATE DATABASE ${this.#live()} TEMPLATE ${this.#copy(name)}`, name);
    await this.#deleteIndices(await this.#indices());
    const actions = [];
    for (const [index, names] of Object.entries(aliases)) {
      await this.#clone(`${SNAPSHOT_PREFIX}-${name}-${index}`, index);
      actions.push(...names.map((alias) => ({ add: { index, alias } })));
    }
    if (actions.length > 0) await engineRequest(this.#env, 'POST', '/_aliases', { actions });
  }

  /** Drops every snapshot (the environment itself is the run's to stop). */
  async dispose(): Promise<void> {
    for (const name of this.#aliases.keys())
      await this.#database(`DROP DATABASE IF EXISTS ${this.#copy(name)} WITH (FORCE)`, name);
    await this.#deleteIndices(await this.#indices(`${SNAPSHOT_PREFIX}-`));
  }

  #live(): string {
    return pg.escapeIdentifier(this.#env.descriptor.pg.database);
  }

  #copy(name: string): string {
    return pg.escapeIdentifier(`${this.#env.descriptor.pg.database}-${SNAPSHOT_PREFIX}-${name}`);
  }

  async #database(sql: string, name: string): Promise<void> {
    const live = this.#env.descriptor.pg.database;
    await withClient(toMaintenanceClientConfig(this.#env.descriptor.pg), async (client) => {
      // A template must have no session: the services' idle connections are ended (their pools reconnect).
      await client.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [live],
      );
      await client.query(sql).catch((error: Error) => {
        throw new Error(`sensitivity snapshot ${name}: ${sql}: ${error.message}`, { cause: error });
      });
    });
  }

  /** Indices starting with `prefix`; without one, the drill's own (no system or snapshot index). */
  async #indices(prefix?: string): Promise<string[]> {
    const rows = (await engineRequest(this.#env, 'GET', '/_cat/indices?format=json&h=index')) as {
      index: string;
    }[];
    return rows
      .map((row) => row.index)
      .filter((index) =>
        prefix === undefined
          ? !index.startsWith('.') && !index.startsWith(SNAPSHOT_PREFIX)
          : index.startsWith(prefix),
      );
  }

  async #aliasesOf(index: string): Promise<string[]> {
    const found = (await engineRequest(this.#env, 'GET', `/${index}/_alias`)) as Record<
      string,
      { aliases: Record<string, unknown> }
    >;
    return Object.keys(found[index]?.aliases ?? {});
  }

  /** A clone (hard links, fast) of `from` as `to`, both left writable. */
  async #clone(from: string, to: string): Promise<void> {
    await this.#writeBlock(from, true);
    await engineRequest(this.#env, 'POST', `/${from}/_clone/${to}`);
    await this.#writeBlock(from, false);
    await this.#writeBlock(to, false);
  }

  async #writeBlock(index: string, blocked: boolean): Promise<void> {
    await engineRequest(this.#env, 'PUT', `/${index}/_settings`, {
      'index.blocks.write': blocked ? true : null,
    });
  }

  async #deleteIndices(indices: string[]): Promise<void> {
    if (indices.length > 0) await engineRequest(this.#env, 'DELETE', `/${indices.join(',')}`);
  }
}
