// export_es_status's rules as export-elasticsearch applies them (src/services/export.ts
// `verifyAndCleanPreviousExport`, 15 minutes from src/controllers/export.ts): another environment's
// running export refuses, however old; the same environment's refuses within 15 minutes, and is
// marked `timeout` after.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimExport } from '../../src/export/export-status.ts';
import { ExportRefusedError } from '../../src/export/export-error.ts';
import { DRILL_ADMIN_ID, startExportFixture, type ExportFixture } from './export-fixture.ts';

let fixture: ExportFixture;

beforeAll(async () => {
  fixture = await startExportFixture();
});

afterAll(async () => {
  await fixture?.[Symbol.asyncDispose]();
});

beforeEach(async () => {
  await fixture.pool.query('DELETE FROM public.export_es_status');
});

/** A running row of `environment` created `minutesAgo` minutes ago; returns its id. */
async function runningSince(environment: string, minutesAgo: number): Promise<string> {
  const id = randomUUID();
  await fixture.pool.query(
    `INSERT INTO public.export_es_status (id, status, user_id, environment, created_at)
     VALUES ($1, 'running', $2, $3, now() - make_interval(mins => $4))`,
    [id, DRILL_ADMIN_ID, environment, minutesAgo],
  );
  return id;
}

async function statuses(): Promise<Record<string, string>> {
  const { rows } = await fixture.pool.query<{ id: string; status: string }>(
    'SELECT id, status FROM public.export_es_status',
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.status]));
}

describe('claiming an export', () => {
  it("is refused while another environment's export runs, however old (it never times out)", async () => {
    const id = await runningSince('preproduction', 24 * 60);
    const claim = claimExport(fixture.pool, 'production', DRILL_ADMIN_ID);
    await expect(claim).rejects.toBeInstanceOf(ExportRefusedError);
    await expect(claim).rejects.toThrow(
      new RegExp(
        `^tt5: .*export of production refused, expected no export of another environment running, found preproduction export ${id} running since`,
      ),
    );
    expect(await statuses()).toEqual({ [id]: 'running' });
  });

  it('is refused while the same environment has an export started less than 15 minutes ago', async () => {
    const id = await runningSince('production', 14);
    await expect(claimExport(fixture.pool, 'production', DRILL_ADMIN_ID)).rejects.toThrow(
      /expected no export of production started less than 15 minutes ago, found production export/,
    );
    expect(await statuses()).toEqual({ [id]: 'running' });
  });

  it("marks the same environment's export older than 15 minutes timed out, and starts", async () => {
    const id = await runningSince('production', 16);
    const row = await claimExport(fixture.pool, 'production', DRILL_ADMIN_ID);
    expect(row).toMatchObject({ environment: 'production', status: 'running', userId: DRILL_ADMIN_ID });
    expect(await statuses()).toEqual({ [id]: 'timeout', [row.id]: 'running' });
  });

  it('starts when nothing runs, whatever finished before', async () => {
    const id = await runningSince('preproduction', 1);
    await fixture.pool.query(`UPDATE public.export_es_status SET status = 'failed' WHERE id = $1`, [id]);
    const row = await claimExport(fixture.pool, 'preproduction', DRILL_ADMIN_ID);
    expect(await statuses()).toEqual({ [id]: 'failed', [row.id]: 'running' });
  });
});
