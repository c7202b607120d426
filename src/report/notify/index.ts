export {
  notifyWebhook,
  notifyRun,
  NOTIFY_WEBHOOK_VARIABLE,
  type NotifyOptions,
  type NotifyResult,
} from './notify-webhook.ts';
export { runSummary } from './run-summary.ts';
