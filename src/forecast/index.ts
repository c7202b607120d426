export {
  FORECAST_MODEL,
  forecastSecondsByTask,
  forecastTasks,
  rawForecasts,
  runVolumes,
  type ForecastInput,
  type ForecastTable,
  type MeasuredTask,
  type TaskForecast,
} from './forecast-tasks.ts';
export {
  pastForecastErrors,
  calibrationFactors,
  type PastForecastError,
  type PastRun,
} from './calibration.ts';
export {
  DEFAULT_PRODUCTION_VOLUMES_PATH,
  isVolume,
  loadProductionVolumes,
  volumesFromManifest,
  type ManifestVolumes,
  type ProductionVolumes,
  type Volume,
} from './production-volumes.ts';
export { WORKLOAD_MODELS } from './workload-models.ts';
export {
  buildFindings,
  judge,
  VERDICT_FACTOR,
  type PageFinding,
  type RunbookFindings,
  type TaskFinding,
  type TaskVerdict,
} from './runbook-findings.ts';
export { median } from './calibration.ts';
