// Against a local node:http receiver on 127.0.0.1; the failures are the ones a chat server gives.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startWebhookReceiver } from '../../../test/report-html/webhook-receiver.ts';
import type { DrillReport } from '../report-record.ts';
import { notifyRun, notifyWebhook } from './notify-webhook.ts';

const task = (id: string, status: 'passed' | 'failed') => ({
  id,
  label: `Label ${id}`,
  section: 'S',
  estimateSeconds: 60,
  actualSeconds: 1,
  status,
  assertions: 1,
  skippedAssertions: [],
  failures: [],
  warnings: [],
  measures: [],
});
const report: DrillReport = {
  runId: 'run-1',
  target: 'ephemeral',
  runbook: { path: 'plan.md', budgetSeconds: 12_600 },
  startedAt: '2026-11-27T06:00:00.000Z',
  finishedAt: '2026-11-27T06:00:02.000Z',
  totalSeconds: 2,
  criticalPathSeconds: 2,
  verdict: 'failed',
  tasks: [task('tt1', 'passed'), task('tt2', 'failed')],
  lint: [],
  versions: {},
  forecast: { model: 'linear', tasks: [], pastErrors: [] },
  findings: { tasks: [], page: [] },
  recovery: { rto: { toTaskId: 'tp1', reason: 'tp1 was not selected in this run' }, rpo: { reingested: [] } },
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/s3cr3tkey42`;
}

describe('notifyWebhook', () => {
  it('posts {text} with the verdict, the total against the budget and the failed tasks', async () => {
    await using receiver = await startWebhookReceiver();
    expect(await notifyWebhook(report, { url: receiver.url })).toEqual({
      sent: true,
      url: receiver.url.replace(receiver.key, '***'),
    });
    expect(receiver.received[0]?.body).toEqual({
      text: ':x: Recovery drill run-1 (ephemeral): **failed**\nTotal 2.0 s of a 3 h 30 min budget\nFailed: tt2 — Label tt2',
    });
  });

  it('says what went wrong without the key: an error status, a refused connection, no answer in time', async () => {
    await using receiver = await startWebhookReceiver(404);
    const refused = createServer();
    const refusedUrl = await listen(refused);
    await new Promise((done) => refused.close(done));
    const silent = createServer(() => {
      // never answers
    });
    const silentUrl = await listen(silent);
    try {
      const results = [
        await notifyWebhook(report, { url: receiver.url }),
        await notifyWebhook(report, { url: refusedUrl }),
        await notifyWebhook(report, { url: silentUrl, timeoutMs: 200 }),
      ];
      expect(results.map((result) => (result.sent ? 'sent' : result.message))).toEqual([
        'expected a 2xx answer, received 404',
        expect.stringContaining('ECONNREFUSED'),
        'no answer within 200 ms',
      ]);
      expect(JSON.stringify(results)).not.toContain('s3cr3tkey42');
      expect(JSON.stringify(results)).not.toContain(receiver.key);
    } finally {
      silent.closeAllConnections();
      await new Promise((done) => silent.close(done));
    }
  });
});

describe('notifyRun', () => {
  it('does nothing without DRILL_NOTIFY_WEBHOOK, and reports a failure in one line', async () => {
    expect(await notifyRun(report, {})).toBeUndefined();
    await using receiver = await startWebhookReceiver(500);
    const line = await notifyRun(report, { DRILL_NOTIFY_WEBHOOK: receiver.url });
    expect(line).toMatch(
      /^notification not sent to http:\/\/127\.0\.0\.1:\d+\/hooks\/\*\*\* \(DRILL_NOTIFY_WEBHOOK\): expected a 2xx answer, received 500; the drill's result stands$/,
    );
  });
});
