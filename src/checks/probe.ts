// One HTTP probe of one service: timeout per attempt, bounded retries with backoff, a result
// that names the service, the redacted URL, what was expected and what was found.
import type { ServiceConfig } from '../config/index.ts';
import { checkExpectation, type Answer } from './check-expectation.ts';
import { classifyFailure } from './classify-failure.ts';
import type { FailureKind, ProbeResult } from './probe-result.ts';
import { redactSecrets, redactUrl, secretsOf } from './redact.ts';
import { retryWithBackoff } from '../env/poll-until.ts';

export interface ProbeDefaults {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
}

export interface ProbeOptions {
  fetch?: typeof fetch;
  /** Aborts the probe (Ctrl-C): rethrown, never reported as a service failure. */
  signal?: AbortSignal;
  /** Timeout, retries and backoff for services that do not set their own (`probe` in the config). */
  defaults?: ProbeDefaults;
}

export type ProbeTarget = Pick<ServiceConfig, 'name' | 'url' | 'level' | 'reason' | 'drift' | 'expect'> &
  Partial<Pick<ServiceConfig, 'method' | 'headers' | 'timeoutMs' | 'retries'>>;

const FALLBACK: ProbeDefaults = { timeoutMs: 10_000, retries: 2, backoffMs: 500 };

interface Attempt {
  ok: boolean;
  status?: number;
  failure?: FailureKind;
  detail?: string;
  body?: unknown;
}

export async function probe(service: ProbeTarget, options: ProbeOptions = {}): Promise<ProbeResult> {
  const { name, level, reason, drift } = service;
  const base = { service: name, level, ...(reason && { reason }), ...(drift && { drift }) };
  if (!service.url) {
    const problem = `${name}: not configured${reason ? ` (${reason})` : ''}`;
    return { ...base, url: '', ok: false, durationMs: 0, attempts: 0, failure: 'not-configured', problem };
  }
  const { url, headers } = withBasicAuth(service.url, service.headers ?? {});
  const method = service.method ?? 'GET';
  const defaults = options.defaults ?? FALLBACK;
  const timeoutMs = service.timeoutMs ?? defaults.timeoutMs;
  const doFetch = options.fetch ?? fetch;
  const started = performance.now();

  const once = async (): Promise<{ done: boolean; value: Attempt }> => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(options.signal ? [options.signal] : [])];
    let answer: Answer;
    try {
      const response = await doFetch(url, { method, headers, signal: AbortSignal.any(signals) });
      answer = {
        status: response.status,
        statusText: response.statusText,
        contentType: response.headers.get('content-type') ?? '',
        text: method === 'HEAD' ? '' : await response.text(),
      };
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const failure = classifyFailure(error, new URL(url).host, timeoutMs);
      const value = {
        ok: false,
        failure: failure.kind,
        detail: `${failure.what}; expected ${failure.expected}`,
      };
      return { done: !failure.retryable, value };
    }
    const mismatch = checkExpectation(answer, service.expect);
    const status = answer.status;
    if (!mismatch) return { done: true, value: { ok: true, status, body: parseBody(answer) } };
    const value = {
      ok: false,
      status,
      failure: mismatch.kind,
      detail: `expected ${mismatch.expected}, found ${mismatch.found}`,
    };
    // Only a 5xx or a 429 is worth another attempt; a wrong answer stays wrong.
    return { done: mismatch.kind !== 'server-error' && status !== 429, value };
  };

  const { value, attempts } = await retryWithBackoff(once, {
    retries: service.retries ?? defaults.retries,
    backoffMs: defaults.backoffMs,
    signal: options.signal,
  });
  const durationMs = Math.round(performance.now() - started);
  const shown = redactUrl(service.url);
  const result: ProbeResult = { ...base, url: shown, ok: value.ok, durationMs, attempts };
  if (value.status !== undefined) result.status = value.status;
  if (value.ok) return { ...result, body: value.body };
  const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
  const problem = `${name}: ${method} ${shown}: ${value.detail}${tries}`;
  const secrets = secretsOf(service.url, headers);
  return { ...result, failure: value.failure, problem: redactSecrets(problem, secrets) };
}

function parseBody(answer: Answer): unknown {
  if (!answer.contentType.includes('json')) return answer.text;
  try {
    return JSON.parse(answer.text);
  } catch {
    return answer.text;
  }
}

// fetch refuses URLs with credentials: userinfo becomes a Basic Authorization header.
function withBasicAuth(
  raw: string,
  headers: Record<string, string>,
): { url: string; headers: Record<string, string> } {
  const url = new URL(raw);
  if (!url.username && !url.password) return { url: raw, headers };
  const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  url.username = '';
  url.password = '';
  const hasAuth = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  const basic = `Basic ${Buffer.from(credentials).toString('base64')}`;
  return { url: url.toString(), headers: hasAuth ? headers : { ...headers, authorization: basic } };
}
