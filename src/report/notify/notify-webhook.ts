// Posts the run's summary to a Mattermost/Slack-compatible incoming webhook. A notification that
// cannot be delivered is reported in one line; it never fails the drill.
import { redactSecrets, redactUrl, secretsOf } from '../../checks/redact.ts';
import type { DrillReport } from '../report-record.ts';
import { runSummary } from './run-summary.ts';
import { readDrillVariables } from '../../config/index.ts';

export const NOTIFY_WEBHOOK_VARIABLE = 'DRILL_NOTIFY_WEBHOOK';
const DEFAULT_TIMEOUT_MS = 10_000;

export type NotifyResult = { sent: true; url: string } | { sent: false; url: string; message: string };

export interface NotifyOptions {
  /** The webhook URL; its key is never printed (redactUrl). */
  url: string;
  timeoutMs?: number;
}

export async function notifyWebhook(report: DrillReport, options: NotifyOptions): Promise<NotifyResult> {
  const url = redactUrl(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    // Both Mattermost and Slack read `text` (Markdown) from a JSON body.
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: runSummary(report) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return { sent: true, url };
    return { sent: false, url, message: `expected a 2xx answer, received ${response.status}` };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : redactSecrets(causeMessage(error), secretsOf(options.url));
    return { sent: false, url, message: reason };
  }
}

/** The one line the run prints about its notification, or undefined when no webhook is set. */
export async function notifyRun(
  report: DrillReport,
  env: Record<string, string | undefined> = process.env,
): Promise<string | undefined> {
  const url = readDrillVariables(env).DRILL_NOTIFY_WEBHOOK;
  if (url === undefined) return undefined;
  const result = await notifyWebhook(report, { url });
  return result.sent
    ? `notification sent to ${result.url}`
    : `notification not sent to ${result.url} (${NOTIFY_WEBHOOK_VARIABLE}): ${result.message}; the drill's result stands`;
}

/** fetch wraps the network error ("fetch failed"): its cause says what happened. */
function causeMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
