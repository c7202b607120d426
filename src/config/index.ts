export { loadChecksConfig, type LoadChecksConfigOptions } from './load-checks-config.ts';
export { checksConfigSchema, type ChecksConfig } from './checks-config-schema.ts';
export {
  serviceSchema,
  expectationSchema,
  SERVICE_LEVELS,
  type ServiceConfig,
  type ServiceLevel,
  type Expectation,
} from './service-schema.ts';
export { ConfigError, type ConfigProblem } from './config-error.ts';
export { ENV_PATHS, SECRET_ENV } from './env-variables.ts';
export { RUNBOOK_DEFAULTS } from './runbook-defaults.ts';
export { drillCacheDir } from './cache-dir.ts';
