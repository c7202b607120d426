export * from './search-engine.ts';
export * from './search-engine-error.ts';
export * from './create-search-engine.ts';
export type { SearchTlsOptions } from './client-connection.ts';
export { BULK_ERRORS_KEPT } from './engine-responses.ts';
export * from './cdtn-index-definitions.ts';
export * from './core-only.ts';
export * from './frontend-queries.ts';
