// Each task's duration on production, from what this run measured.
import {
  calibrationFactors,
  lastPassed,
  pastForecastErrors,
  type PastForecastError,
  type PastRun,
} from './calibration.ts';
import { isVolume, type ProductionVolumes, type Volume } from './production-volumes.ts';
import { WORKLOAD_MODELS, type PartsVolume, type WorkloadModel } from './workload-models.ts';

export const FORECAST_MODEL =
  'Linear per task: forecast = fixed + production volume ÷ throughput. The throughput is the volume ' +
  "this run's volume-driven action handled (pg_restore rows, the cron-ingester job's documents, the " +
  "export's documents) over that action's time; fixed is the rest of the task's measured time (checks, " +
  'hooks), measured apart. Calibrated per task by the median of measured ÷ forecast over the cluster ' +
  'runs in history.jsonl. A task with no volume: the last cluster run measured it, or no forecast.';

export interface MeasuredTask {
  id: string;
  status: string;
  actualSeconds: number;
  measures: readonly { name: string; value: number; unit: string }[];
}

export interface TaskForecast {
  taskId: string;
  /** volume: the linear model; cluster: the last cluster run's measure; none: see `note`. */
  basis: 'volume' | 'cluster' | 'none';
  /** The forecast, calibrated when history allows. */
  seconds?: number;
  /** The model's output before calibration (basis volume). */
  rawSeconds?: number;
  fixedSeconds?: number;
  throughput?: { value: number; unit: string };
  productionVolume?: Volume & { unit: string };
  calibration?: { factor: number; pairs: number };
  /** How the figure was made, or why there is none. */
  note: string;
}

export interface ForecastTable {
  model: string;
  tasks: TaskForecast[];
  /** Sum of the forecasts (the plan's tasks run one after the other); absent if a task has none. */
  totalSeconds?: number;
  pastErrors: PastForecastError[];
}

export interface ForecastInput {
  target: string;
  tasks: readonly MeasuredTask[];
  volumes: ProductionVolumes;
  /** Earlier runs (history.jsonl), oldest first; the current run is added by the forecast. */
  history: readonly PastRun[];
  runId: string;
}

export function forecastTasks(input: ForecastInput): ForecastTable {
  const raw = input.tasks.map((task) => forecastTask(task, input));
  const current: PastRun = {
    runId: input.runId,
    target: input.target,
    tasks: input.tasks,
    forecastSeconds: rawForecasts(raw),
  };
  const pastErrors = pastForecastErrors([...input.history, current]);
  const factors = calibrationFactors(pastErrors);
  const tasks = raw.map((forecast) => {
    const calibration = factors.get(forecast.taskId);
    if (forecast.basis !== 'volume' || calibration === undefined) return forecast;
    return { ...forecast, seconds: forecast.rawSeconds! * calibration.factor, calibration };
  });
  const seconds = tasks.map((task) => task.seconds);
  const complete = seconds.every((value) => value !== undefined);
  return {
    model: FORECAST_MODEL,
    tasks,
    ...(complete ? { totalSeconds: (seconds as number[]).reduce((a, b) => a + b, 0) } : {}),
    pastErrors,
  };
}

/** The forecast of each task that has one: what a proposed runbook takes as durations. */
export function forecastSecondsByTask(table: Pick<ForecastTable, 'tasks'>): Map<string, number> {
  return new Map(
    table.tasks.filter((task) => task.seconds !== undefined).map((task) => [task.taskId, task.seconds!]),
  );
}

/** The model's uncalibrated forecasts, as history.jsonl keeps them. */
export function rawForecasts(tasks: readonly TaskForecast[]): Record<string, number> {
  return Object.fromEntries(
    tasks.filter((task) => task.rawSeconds !== undefined).map((task) => [task.taskId, task.rawSeconds!]),
  );
}

function forecastTask(task: MeasuredTask, input: ForecastInput): TaskForecast {
  const model = WORKLOAD_MODELS.find((candidate) => candidate.taskId === task.id);
  if (model === undefined) return fromCluster(task.id, input);
  const none = (note: string): TaskForecast => ({ taskId: task.id, basis: 'none', note });
  if (task.status !== 'passed') return none(`${task.id} did not pass in this run: no throughput measured`);
  const measure = (name: string) => task.measures.find((candidate) => candidate.name === name)?.value;
  const [volume, actionSeconds] = [measure(model.volumeMeasure), measure(model.secondsMeasure)];
  if (volume === undefined || actionSeconds === undefined)
    return none(
      `${task.id} recorded no ${model.volumeMeasure} and ${model.secondsMeasure}: ${model.action} did not run`,
    );
  if (volume === 0 || actionSeconds <= 0)
    return none(`${model.action} handled no ${model.unit} in this run: no throughput measured`);
  const production = productionVolumeOf(model, volume, input);
  if (!isVolume(production)) return none(`no production volume: ${production.missing}`);
  return linear(task, model, { volume, actionSeconds }, production);
}

/**
 * A cluster run's own volume is production's. Otherwise the volume the volumes state (the given
 * manifest, or the committed file), and when they have none, the last cluster run's.
 */
function productionVolumeOf(
  model: WorkloadModel,
  runVolume: number,
  input: ForecastInput,
): PartsVolume | { missing: string } {
  if (input.target === 'cluster')
    return { value: runVolume, from: `this cluster run's ${model.volumeMeasure}` };
  const stated = model.productionVolume(input.volumes);
  if (isVolume(stated)) return stated;
  const cluster = input.history.findLast(
    (run) => run.target === 'cluster' && run.volumes?.[model.taskId] !== undefined,
  );
  if (cluster === undefined) return stated;
  return {
    value: cluster.volumes![model.taskId]!,
    from: `cluster run ${cluster.runId}'s ${model.volumeMeasure}`,
  };
}

/** The volume each modeled task that passed handled in a run, as history.jsonl keeps a cluster run's. */
export function runVolumes(tasks: readonly MeasuredTask[]): Record<string, number> {
  return Object.fromEntries(
    WORKLOAD_MODELS.flatMap((model) => {
      const task = tasks.find((candidate) => candidate.id === model.taskId && candidate.status === 'passed');
      const volume = task?.measures.find((measure) => measure.name === model.volumeMeasure)?.value;
      return volume === undefined ? [] : [[model.taskId, volume]];
    }),
  );
}

function linear(
  task: MeasuredTask,
  model: WorkloadModel,
  run: { volume: number; actionSeconds: number },
  production: PartsVolume,
): TaskForecast {
  const throughput = run.volume / run.actionSeconds;
  const action = actionOnProduction(task, model, throughput, production);
  const fixedSeconds = Math.max(0, task.actualSeconds - (action.measuredSeconds ?? run.actionSeconds));
  const rawSeconds = fixedSeconds + action.seconds;
  return {
    taskId: task.id,
    basis: 'volume',
    seconds: rawSeconds,
    rawSeconds,
    fixedSeconds,
    throughput: { value: throughput, unit: `${model.unit}/s` },
    productionVolume: { value: production.value, from: production.from, unit: model.unit },
    note:
      `${model.action}: ${run.volume} ${model.unit} in ${run.actionSeconds.toFixed(1)} s` +
      (action.rates.length === 0 ? '' : `; per part: ${action.rates.join(', ')}`),
  };
}

/**
 * The volume-driven action's time on production. When the run measured the parts (tt3: each
 * package), each part's production volume goes at its own rate (a part the run did not measure at
 * the whole action's), and only the parts' measured time leaves the fixed cost.
 */
function actionOnProduction(
  task: MeasuredTask,
  model: WorkloadModel,
  throughput: number,
  production: PartsVolume,
): { seconds: number; measuredSeconds?: number; rates: string[] } {
  const whole = { seconds: production.value / throughput, rates: [] };
  if (model.perPart === undefined || production.parts === undefined) return whole;
  const { perPart } = model;
  const measure = (name: string) => task.measures.find((candidate) => candidate.name === name)?.value ?? 0;
  const measured = Object.keys(production.parts)
    .map((part) => ({
      part,
      volume: measure(perPart.volumeMeasure(part)),
      seconds: measure(perPart.secondsMeasure(part)),
    }))
    .filter((entry) => entry.volume > 0 && entry.seconds > 0);
  if (measured.length === 0) return whole;
  const rateOf = (part: string) => {
    const entry = measured.find((candidate) => candidate.part === part);
    return entry === undefined ? throughput : entry.volume / entry.seconds;
  };
  return {
    seconds: Object.entries(production.parts).reduce((sum, [part, value]) => sum + value / rateOf(part), 0),
    measuredSeconds: measured.reduce((sum, entry) => sum + entry.seconds, 0),
    rates: measured.map((entry) => `${entry.part} ${Math.round(rateOf(entry.part))} ${model.unit}/s`),
  };
}

function fromCluster(taskId: string, input: ForecastInput): TaskForecast {
  const current = { runId: input.runId, target: input.target, tasks: input.tasks };
  const last = lastPassed([...input.history, current], taskId, (target) => target === 'cluster');
  if (last === undefined)
    return { taskId, basis: 'none', note: 'no volume model, and no cluster run measured it' };
  return { taskId, basis: 'cluster', seconds: last.seconds, note: `measured by cluster run ${last.runId}` };
}
