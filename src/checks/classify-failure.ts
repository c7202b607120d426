// Turns what fetch threw into a kind and a sentence; the low-level codes come from Node/undici.
import type { FailureKind } from './probe-result.ts';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);
const TLS_CODE = /^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_CERT|HOSTNAME_MISMATCH)/;

export interface ClassifiedFailure {
  kind: FailureKind;
  /** Worth another attempt: timeouts, refused or reset connections, temporary DNS failures. */
  retryable: boolean;
  /** What happened, then what was expected. */
  what: string;
  expected: string;
}

export function classifyFailure(error: unknown, host: string, timeoutMs: number): ClassifiedFailure {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return {
      kind: 'timeout',
      retryable: true,
      what: `no answer within ${timeoutMs} ms`,
      expected: `an answer within ${timeoutMs} ms`,
    };
  }
  const low = lowestCause(error);
  const code = low.code ?? '';
  if (DNS_CODES.has(code)) {
    return {
      kind: 'dns',
      retryable: code === 'EAI_AGAIN',
      what: `DNS lookup of ${host} failed (${code})`,
      expected: `${host} to resolve`,
    };
  }
  if (TLS_CODE.test(code)) {
    return {
      kind: 'tls',
      retryable: false,
      what: `TLS error (${code}: ${low.message})`,
      expected: 'a valid TLS certificate',
    };
  }
  if (CONNECTION_CODES.has(code)) {
    return {
      kind: 'connection',
      retryable: true,
      what: `connection failed (${code})`,
      expected: `${host} to accept connections`,
    };
  }
  const detail = code ? `${code}: ${low.message}` : low.message;
  return {
    kind: 'network',
    retryable: code !== 'EDRILLOFFLINE',
    what: `network error (${detail})`,
    expected: 'an HTTP answer',
  };
}

function lowestCause(error: unknown): { code?: string; message: string } {
  let current: unknown = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  if (current instanceof Error) {
    const code = (current as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : undefined, message: current.message };
  }
  return { message: String(current) };
}
