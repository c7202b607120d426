// One error for every engine operation: names the engine (URL without credentials), the operation
// and the index, with the engine's own status/type/reason when it answered, and the client's error
// as `cause`.

export interface EngineTarget {
  /** `opensearch` or `elasticsearch`, or `search engine` before the probe knows. */
  label: string;
  /** The endpoint URL, credentials removed. */
  url: string;
}

export interface SearchEngineErrorDetails {
  target: EngineTarget;
  operation: string;
  index?: string;
  status?: number;
  type?: string;
  reason?: string;
}

export class SearchEngineError extends Error {
  readonly operation: string;
  readonly index: string | undefined;
  readonly status: number | undefined;
  readonly type: string | undefined;

  constructor(details: SearchEngineErrorDetails, options?: { cause?: unknown }) {
    const on = details.index === undefined ? '' : ` on index "${details.index}"`;
    const what = [details.status, details.type].filter((part) => part !== undefined).join(' ');
    const why = [what, details.reason].filter(Boolean).join(': ');
    super(
      `${details.target.label} at ${details.target.url}: ${details.operation}${on} failed${why ? ` (${why})` : ''}`,
      options,
    );
    this.name = 'SearchEngineError';
    this.operation = details.operation;
    this.index = details.index;
    this.status = details.status;
    this.type = details.type;
  }
}

/** The engine's endpoint as it may be printed: scheme, host and path only (no user, password, query). */
export function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '<invalid URL>';
  }
}

interface ClientErrorShape {
  message?: unknown;
  meta?: { statusCode?: unknown; body?: unknown };
}

/** Status, type and reason from either client's ResponseError (same `meta` shape), else the message. */
export function describeClientError(error: unknown): { status?: number; type?: string; reason?: string } {
  const shape = (typeof error === 'object' && error !== null ? error : {}) as ClientErrorShape;
  const status = typeof shape.meta?.statusCode === 'number' ? shape.meta.statusCode : undefined;
  const body = shape.meta?.body as { error?: { type?: unknown; reason?: unknown } | string } | undefined;
  const engineError = body?.error;
  if (typeof engineError === 'object' && engineError !== null) {
    return {
      status,
      type: typeof engineError.type === 'string' ? engineError.type : undefined,
      reason: typeof engineError.reason === 'string' ? engineError.reason : undefined,
    };
  }
  const reason =
    typeof engineError === 'string' ? engineError : error instanceof Error ? error.message : String(error);
  return { status, reason };
}

/** HTTP status of a client error, when the engine answered. */
export function statusOf(error: unknown): number | undefined {
  return describeClientError(error).status;
}

/** Runs one client call; any failure becomes a SearchEngineError naming the operation and index. */
export async function callEngine<T>(
  target: EngineTarget,
  operation: string,
  index: string | undefined,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SearchEngineError) throw error;
    throw new SearchEngineError(
      { target, operation, index, ...describeClientError(error) },
      { cause: error },
    );
  }
}
