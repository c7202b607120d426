export { applySchema, SCHEMA_PATH } from './apply-schema.ts';
