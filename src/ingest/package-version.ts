// The `package_version` row that tells the ingester which version of a package it last ingested.
import type pg from 'pg';

export async function getInstalledVersion(
  client: pg.Pool | pg.ClientBase,
  packageName: string,
): Promise<string | undefined> {
  const { rows } = await client.query<{ version: string }>(
    'SELECT version FROM package_version WHERE repository = $1',
    [packageName],
  );
  return rows[0]?.version;
}

export async function upsertPackageVersion(
  client: pg.Pool | pg.ClientBase,
  packageName: string,
  version: string,
): Promise<void> {
  await client.query(
    `INSERT INTO package_version (repository, version) VALUES ($1, $2)
     ON CONFLICT (repository) DO UPDATE SET version = excluded.version, updated_at = now()`,
    [packageName, version],
  );
}
