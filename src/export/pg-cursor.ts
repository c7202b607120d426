// Reads a query's rows in batches through a server-side cursor, so a source of any size is never
// held in memory at once. The cursor lives in a read-only transaction on one pooled connection,
// released when the consumer finishes or stops early.
import type pg from 'pg';

export async function* readInBatches<Row extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  values: unknown[],
  batchSize: number,
): AsyncGenerator<Row[]> {
  const client = await pool.connect();
  let committed = false;
  let broken = false;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${sql}`, values);
    for (;;) {
      const { rows } = await client.query<Row>(`FETCH ${batchSize} FROM export_cursor`);
      if (rows.length > 0) yield rows;
      if (rows.length < batchSize) break;
    }
    await client.query('COMMIT');
    committed = true;
  } finally {
    // A consumer that stops early (break, throw) leaves the transaction open: roll it back.
    if (!committed) await client.query('ROLLBACK').catch(() => (broken = true));
    client.release(broken);
  }
}
