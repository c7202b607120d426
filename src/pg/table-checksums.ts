// Row counts and checksums of tables, computed in SQL so rows never leave the server.
// Rows are hashed in primary-key order, 65 536 at a time, so no aggregate grows with the table.
import type pg from 'pg';

export interface TableRef {
  /** `schema.table` */
  name: string;
  primaryKey: string[];
}

export interface TableStats {
  rowCount: number;
  checksum: string;
  keyChecksum: string;
}

// Row text depends on these settings: fix them so a checksum means the same on every server.
export const CHECKSUM_SESSION_SQL =
  "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; " +
  "SET extra_float_digits = 1; SET bytea_output = 'hex'";

/** Every ordinary table outside the system schemas, with its primary-key columns in key order. */
export async function listTables(client: pg.Pool | pg.ClientBase): Promise<TableRef[]> {
  const { rows } = await client.query<{ name: string; primary_key: string[] }>(`
    SELECT n.nspname || '.' || c.relname AS name,
           ARRAY(SELECT a.attname::text
                   FROM pg_index i
                   CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                  WHERE i.indrelid = c.oid AND i.indisprimary
                  ORDER BY k.ord) AS primary_key
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
     ORDER BY 1`);
  return rows.map((row) => ({ name: row.name, primaryKey: row.primary_key }));
}

export function quoteTable(name: string): string {
  const [schema = '', table = ''] = name.split('.');
  return `"${schema.replaceAll('"', '""')}"."${table.replaceAll('"', '""')}"`;
}

/** Count and checksums of one table; `where` (SQL over alias `t`) narrows the rows. */
export async function getTableStats(
  client: pg.ClientBase,
  table: TableRef,
  where = 'true',
): Promise<TableStats> {
  const keyColumns = table.primaryKey.map((column) => `t."${column.replaceAll('"', '""')}"`);
  const order = keyColumns.length > 0 ? keyColumns.join(', ') : 't::text';
  const key = keyColumns.length > 0 ? `md5(ROW(${keyColumns.join(', ')})::text)` : 'md5(t::text)';
  const { rows } = await client.query<{ row_count: string; checksum: string; key_checksum: string }>(`
    WITH r AS (
      SELECT row_number() OVER (ORDER BY ${order}) AS rn, md5(t::text) AS h, ${key} AS k
        FROM ${quoteTable(table.name)} t WHERE ${where}
    ), g AS (
      SELECT (rn - 1) / 65536 AS g, count(*) AS n,
             md5(string_agg(h, '' ORDER BY rn)) AS h, md5(string_agg(k, '' ORDER BY rn)) AS k
        FROM r GROUP BY 1
    )
    SELECT coalesce(sum(n), 0) AS row_count,
           md5(coalesce(string_agg(h, '' ORDER BY g), '')) AS checksum,
           md5(coalesce(string_agg(k, '' ORDER BY g), '')) AS key_checksum
      FROM g`);
  const [row] = rows;
  if (!row) throw new Error(`no statistics returned for ${table.name}`);
  return { rowCount: Number(row.row_count), checksum: row.checksum, keyChecksum: row.key_checksum };
}
