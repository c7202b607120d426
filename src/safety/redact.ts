// Removes secrets from any text before it is logged or written to a report: every URL's
// credentials and every known secret value (through the checks' redaction), plus what a kubeconfig
// or a Kubernetes error can carry: tokens, passwords, client keys, bearer headers, PEM private keys.
import type { KubeConfig } from '@kubernetes/client-node';
import { MASK, redactSecrets } from '../checks/redact.ts';

const CREDENTIAL_KEYS =
  'client-key-data|client-key|token|id-token|refresh-token|access-token|client-secret|password|secret|api-key|apikey';
// `token: abc`, `"token":"abc"`, `password=abc`, and JSON quoted inside JSON (`\"token\":\"abc\"`)
const CREDENTIAL_FIELD = new RegExp(
  `((?:^|[\\s{,"'\\\\])(?:${CREDENTIAL_KEYS})\\\\?["']?\\s*[:=]\\s*)(\\\\?["']?)[^\\s"'\\\\,}]+`,
  'gim',
);
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;

/** The text with every secret masked: the values given, credentials in URLs, kubeconfig fields, bearer tokens, private keys. */
export function redact(text: string, secrets: Iterable<string | undefined> = []): string {
  return redactSecrets(text, secrets)
    .replace(PRIVATE_KEY, MASK)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${MASK}`)
    .replace(CREDENTIAL_FIELD, (_match, key: string, quote: string) => `${key}${quote}${MASK}`);
}

/** The secret values a kubeconfig holds (tokens, passwords, client keys, auth-provider and exec credentials), raw and decoded. */
export function kubeconfigSecrets(config: KubeConfig): string[] {
  const found: string[] = [];
  for (const user of config.getUsers()) {
    found.push(user.token ?? '', user.password ?? '', user.keyData ?? '');
    if (user.keyData) found.push(Buffer.from(user.keyData, 'base64').toString('utf8'));
    for (const value of Object.values(user.authProvider?.config ?? {}))
      if (typeof value === 'string') found.push(value);
    for (const variable of (user.exec as { env?: { value?: string }[] } | undefined)?.env ?? [])
      found.push(variable.value ?? '');
  }
  return found
    .flatMap((value) => [value, ...value.split('\n')])
    .map((value) => value.trim())
    .filter((value) => value.length >= 8);
}

const SECRET_NAME = /PASSWORD|TOKEN|SECRET|API_KEY|WEBHOOK/;
const URL_NAMES = ['DATABASE_URL', 'ELASTICSEARCH_URL'];

/** Secret values in the environment: variables named like secrets, and the credentials of the connection URLs. */
export function environmentSecrets(env: Record<string, string | undefined> = process.env): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!value) continue;
    if (SECRET_NAME.test(name)) found.push(value);
    if (URL_NAMES.includes(name)) {
      try {
        const url = new URL(value);
        found.push(decodeURIComponent(url.password));
      } catch {
        // not a URL: nothing to take from it
      }
    }
  }
  return found.filter((value) => value.length >= 4);
}

/** An error with its cause chain, as one redacted text (what a log or a report may show). */
export function redactError(error: unknown, secrets: Iterable<string | undefined> = []): string {
  const parts: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 8; depth++) {
    parts.push(current instanceof Error ? `${current.name}: ${current.message}` : String(current));
    current = current instanceof Error ? current.cause : undefined;
  }
  return redact(parts.join('\ncaused by: '), secrets);
}
