// msw logs every error a handler throws, with the request URL unredacted (query tokens and all).
// The recorded network failures (ENOTFOUND, CERT_HAS_EXPIRED…) are thrown on purpose: while the
// outside world runs, those logs are dropped. Anything else msw says still goes to the console.

const RECORDED = Symbol.for('cdtn-drill.recorded-network-error');
const MSW_LOOKUP_LOG = '[MSW] Encountered an unhandled exception during the handler lookup';

/** A Node-like network error: msw fails the fetch with it as the cause. */
export function networkError(code: string, message: string): Error {
  const syscall = code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect';
  return Object.assign(new Error(message), { code, errno: -1, syscall, [RECORDED]: true });
}

let installed = 0;
let original: typeof console.error | undefined;

/** Drops msw's logs of recorded network errors; returns the function that undoes it. */
export function quietRecordedNetworkErrors(): () => void {
  if (installed++ === 0) {
    original = console.error;
    const keep = original;
    console.error = (...args: unknown[]) => {
      const [first] = args;
      const recorded = typeof first === 'object' && first !== null && RECORDED in first;
      if (recorded || (typeof first === 'string' && first.startsWith(MSW_LOOKUP_LOG))) return;
      keep(...args);
    };
  }
  let undone = false;
  return () => {
    if (undone) return;
    undone = true;
    if (--installed === 0 && original) console.error = original;
  };
}
