// One raw request to the search engine, for the breakages the engine port has no call for (cluster
// settings, update/delete by query): the sensitivity run's mutations only, on the ephemeral target.
import type { DrillEnv } from '../env/drill-env.ts';

export async function engineRequest(
  env: Pick<DrillEnv, 'descriptor'>,
  method: 'GET' | 'PUT' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<unknown> {
  const endpoint = env.descriptor.search;
  if (endpoint === undefined) throw new Error(`mutation: run ${env.descriptor.runId} has no search engine`);
  // A string body is NDJSON (_bulk); anything else is sent as JSON.
  const ndjson = typeof body === 'string';
  const headers: Record<string, string> = {
    'content-type': ndjson ? 'application/x-ndjson' : 'application/json',
  };
  const auth = endpoint.auth;
  if (auth !== undefined && 'apiKey' in auth) headers.authorization = `ApiKey ${auth.apiKey}`;
  if (auth !== undefined && 'username' in auth)
    headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  const response = await fetch(new URL(path, endpoint.url), {
    method,
    headers,
    ...(body === undefined ? {} : { body: ndjson ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`mutation: ${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text === '' ? undefined : JSON.parse(text);
}
