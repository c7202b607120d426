// The one place secrets are removed before anything is printed: URLs (userinfo, secret-looking
// query parameters, webhook keys in paths), headers, and any text that may quote them.
// src/safety/redact.ts builds on it for what Kubernetes adds (kubeconfig fields, bearer tokens, keys).

/** What stands in for every removed secret. */
export const MASK = '***';
const SECRET_PARAM = /token|key|secret|passw|signature|sig$|auth|credential|session|code$/i;
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|key|secret/i;
// Webhook-style paths carry their secret as a segment: Mattermost/Slack `/hooks/<key>`.
const SECRET_PATH = /(\/hooks\/)[^/?#]+/gi;
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;

/** The URL with its userinfo, secret query parameters and webhook keys masked. Unparsable: masked whole. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return MASK;
  }
  const secretParams = [...parsed.searchParams.keys()].filter((name) => SECRET_PARAM.test(name));
  const secretPath = parsed.pathname.search(SECRET_PATH) >= 0;
  // A URL with nothing to mask is kept as written (URL would add a trailing slash, reorder nothing else).
  if (!parsed.username && !parsed.password && secretParams.length === 0 && !secretPath) return String(url);
  if (parsed.username) parsed.username = MASK;
  if (parsed.password) parsed.password = MASK;
  for (const name of secretParams) parsed.searchParams.set(name, MASK);
  parsed.pathname = parsed.pathname.replace(SECRET_PATH, `$1${MASK}`);
  return parsed.toString().replaceAll(encodeURIComponent(MASK), MASK);
}

/** Header values that carry credentials masked; the others kept. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADER.test(name) ? MASK : value]),
  );
}

/** Every URL in the text redacted, and every known secret value masked wherever it appears. */
export function redactSecrets(text: string, secrets: Iterable<string | undefined> = []): string {
  let out = text.replace(URL_IN_TEXT, (match) => {
    // Punctuation that ends a sentence is not part of the URL.
    const url = match.replace(/[).,;:!?]+$/, '');
    return redactUrl(url) + match.slice(url.length);
  });
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.replaceAll(secret, MASK);
  }
  return out;
}

/** Secret values found in a URL and headers, to pass to `redactSecrets` for texts that quote them. */
export function secretsOf(url: string, headers: Record<string, string> = {}): string[] {
  const found: string[] = [];
  try {
    const parsed = new URL(url);
    found.push(decodeURIComponent(parsed.password), decodeURIComponent(parsed.username));
    for (const [name, value] of parsed.searchParams) if (SECRET_PARAM.test(name)) found.push(value);
    for (const match of parsed.pathname.matchAll(SECRET_PATH)) found.push(match[0].slice(match[1]?.length));
  } catch {
    found.push(url);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (SECRET_HEADER.test(name)) found.push(value, value.replace(/^(bearer|token|basic|apikey)\s+/i, ''));
  }
  return found.filter((value) => value.length >= 4);
}
