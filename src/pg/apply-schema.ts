// Creates the cdtn-admin schema subset (fixtures/backup/schema.sql) in an empty database.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const SCHEMA_PATH = fileURLToPath(new URL('../../fixtures/backup/schema.sql', import.meta.url));

/** Applies the schema in one transaction; refuses a database that already has `public.documents`. */
export async function applySchema(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ exists: boolean }>(
    "SELECT to_regclass('public.documents') IS NOT NULL AS exists",
  );
  if (rows[0]?.exists) {
    throw new Error('applySchema: table public.documents already exists; expected an empty database');
  }
  const sql = await readFile(SCHEMA_PATH, 'utf8');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`applySchema: ${SCHEMA_PATH} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    client.release();
  }
}
