export {
  checkClusterSafety,
  CONFIRMATION_ENV,
  ensureActionIsAllowed,
  formatPlannedActions,
  kubeconfigContexts,
  type ClusterAction,
  type ClusterSafety,
  type ClusterSafetyOptions,
  type KubeconfigContexts,
  type PlannedAction,
} from './check-cluster-safety.ts';
export { environmentSecrets, kubeconfigSecrets, redact, redactError } from './redact.ts';
export { SafetyError } from './safety-error.ts';
export {
  formatWriteEndpoints,
  NO_WRITE_TARGETS,
  WRITE_KINDS,
  type WriteAllowList,
  type WriteBinding,
  type WriteEndpoints,
  type WriteKind,
} from './write-targets.ts';
