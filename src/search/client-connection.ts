// How to reach an engine, resolved once from the endpoint and options, in the terms both clients take.
import { endpointOf } from './search-engine-error.ts';

/** Where an engine answers and how to authenticate (ephemeral environment or cluster config). */
export interface SearchEndpoint {
  url: string;
  auth?: { apiKey: string } | { username: string; password: string };
  /** TLS options of an https:// engine (cluster target). */
  tls?: { caFile?: string; rejectUnauthorized?: boolean };
}

export interface SearchTlsOptions {
  /** PEM of the CA that signed the engine's certificate. */
  ca?: string;
  /** false only for a throwaway engine with a self-signed certificate. */
  rejectUnauthorized?: boolean;
}

export interface ClientConnection {
  url: string;
  /** The URL as it may appear in messages. */
  redactedUrl: string;
  auth?: { apiKey: string } | { username: string; password: string };
  tls?: SearchTlsOptions;
}

export function toClientConnection(endpoint: SearchEndpoint, tls?: SearchTlsOptions): ClientConnection {
  return {
    url: endpoint.url,
    redactedUrl: endpointOf(endpoint.url),
    ...(endpoint.auth === undefined ? {} : { auth: endpoint.auth }),
    ...(tls === undefined ? {} : { tls }),
  };
}
