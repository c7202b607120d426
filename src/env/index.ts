export * from './drill-env.ts';
export * from './images.ts';
export * from './started-environment.ts';
export * from './start-environment.ts';
export * from './connect-drill-env.ts';
export * from './ephemeral-config.ts';
export * from './external-config.ts';
export * from './env-error.ts';
export * from './poll-until.ts';
export * from './get-free-port.ts';
export { startSearchContainer, type StartedSearch } from './search-container.ts';
export {
  getContainerRuntime,
  RUN_ID_LABEL,
  SERVICE_LABEL,
  listContainersOfRun,
  removeContainersOfRun,
} from './container-runtime.ts';
export * from './measure-environment.ts';
