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
export { SECRET_ENV, UPSTREAM_CHECKS_VARIABLES } from './checks-variables.ts';
export {
  DRILL_VARIABLES,
  DRILL_TARGETS,
  ENVIRONMENT_KINDS,
  EXPORT_ENVIRONMENTS,
  RESTORE_TEST_SERVERS,
  type DrillVariableName,
} from './drill-variables.ts';
export type { DrillVariable, VariableKind } from './drill-variable.ts';
export { readDrillVariables, documentedDefault, type DrillVariables } from './read-drill-variables.ts';
export { RUNBOOK_DEFAULTS } from './runbook-defaults.ts';
export { drillCacheDir } from './cache-dir.ts';
