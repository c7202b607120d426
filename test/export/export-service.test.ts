import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../src/search/index.ts';
import {
  startExportService,
  triggerExport,
  waitForExport,
  type ExportService,
} from '../../src/export/index.ts';
import { DRILL_ADMIN_ID, startExportFixture, type ExportFixture } from './export-fixture.ts';
import { startTestSearchEngine, type TestSearchEngine } from '../search/index.ts';

let fixture: ExportFixture;
let engine: TestSearchEngine;
let search: SearchEngine;
let service: ExportService;

// upstream's deleteOldIndex reads `<word>-<digits>` in names: no digit after the dash
const prefix = `cdtn-test-x${randomUUID().slice(0, 8)}`;

async function dropExportIndices(): Promise<void> {
  for (const index of await search.listIndices(`${prefix}*`)) await search.deleteIndex(index);
}

beforeAll(async () => {
  fixture = await startExportFixture();
  engine = await startTestSearchEngine();
  search = engine.engine;
  service = await startExportService({
    pool: fixture.pool,
    search,
    prefixes: { preproduction: `${prefix}-preprod`, production: `${prefix}-prod` },
  });
});

afterAll(async () => {
  await service?.close();
  await dropExportIndices();
  await engine?.[Symbol.asyncDispose]();
  await fixture[Symbol.asyncDispose]();
});

const post = (body: unknown) =>
  fetch(`${service.url}/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('export service', () => {
  it('answers GET /healthz like export-elasticsearch', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'available' });
  });

  it('rejects an invalid body and an unknown user with 400', async () => {
    const invalid = await post({ environment: 'staging', userId: 'nope' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await invalid.json())).toMatch(/environment/);
    const unknown = await post({ environment: 'preproduction', userId: randomUUID() });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { errors: string }).errors).toMatch(/not in auth\.users/);
  });

  it('refuses with 500 while another environment is running', async () => {
    const id = randomUUID();
    await fixture.pool.query(
      `INSERT INTO public.export_es_status (id, status, user_id, environment) VALUES ($1, 'running', $2, 'production')`,
      [id, DRILL_ADMIN_ID],
    );
    try {
      const response = await post({ environment: 'preproduction', userId: DRILL_ADMIN_ID });
      expect(response.status).toBe(500);
      expect(((await response.json()) as { errors: string }).errors).toMatch(
        new RegExp(`production export ${id} running`),
      );
    } finally {
      await fixture.pool.query('DELETE FROM public.export_es_status WHERE id = $1', [id]);
    }
  });

  it('runs an export asynchronously that the client waits for until completed', async () => {
    const trigger = await triggerExport(service.url, 'preproduction', DRILL_ADMIN_ID);
    expect(trigger.status).toBe(202);
    const row = await waitForExport(service.url, 'preproduction', {
      timeoutMs: 60_000,
      pollMs: 100,
      since: trigger.previous,
    });
    expect(row).toMatchObject({ environment: 'preproduction', status: 'completed', userId: DRILL_ADMIN_ID });
    const latest = (await (await fetch(`${service.url}/export/latest`)).json()) as Record<
      string,
      { id: string } | null
    >;
    expect(latest.preproduction?.id).toBe(row.id);
    expect(latest.production).toBeNull();
  });

  it('makes the client fail with the recorded error when the run failed', async () => {
    const id = randomUUID();
    await fixture.pool.query(
      `INSERT INTO public.export_es_status (id, status, user_id, environment, error) VALUES ($1, 'failed', $2, 'production', 'tt5: index x: boom')`,
      [id, DRILL_ADMIN_ID],
    );
    await expect(waitForExport(service.url, 'production', { timeoutMs: 5_000, pollMs: 50 })).rejects.toThrow(
      /tt5: export .* expected status completed, found status failed: tt5: index x: boom/,
    );
  });
});
