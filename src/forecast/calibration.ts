// Calibration against history: each cluster run measured what an earlier run had forecast for
// production. The error of each such forecast is reported, and the median of measured ÷ forecast
// per task scales the next forecasts. Only forecasts made off the cluster count: a cluster run's
// own forecast is its measurement.

export interface PastRun {
  runId: string;
  target: string;
  tasks: readonly { id: string; status: string; actualSeconds: number }[];
  /** The model's forecast the run made, before calibration, per task. */
  forecastSeconds?: Readonly<Record<string, number>>;
  /** A cluster run's volume per modeled task (rows restored, documents exported…): production's. */
  volumes?: Readonly<Record<string, number>>;
}

export interface PastForecastError {
  taskId: string;
  /** The run that made the forecast, and the cluster run that measured the task. */
  forecastRunId: string;
  clusterRunId: string;
  forecastSeconds: number;
  measuredSeconds: number;
  /** (forecast − measured) ÷ measured: −0.2 is a forecast 20 % short. */
  error: number;
}

/** `runs` oldest first; the current run may be the last. */
export function pastForecastErrors(runs: readonly PastRun[]): PastForecastError[] {
  return runs.flatMap((run, index) => {
    if (run.target !== 'cluster') return [];
    const earlier = runs.slice(0, index).filter((candidate) => candidate.target !== 'cluster');
    return run.tasks
      .filter((task) => task.status === 'passed' && task.actualSeconds > 0)
      .flatMap((task) => {
        const forecaster = earlier.findLast(
          (candidate) => candidate.forecastSeconds?.[task.id] !== undefined,
        );
        const forecastSeconds = forecaster?.forecastSeconds?.[task.id];
        if (forecaster === undefined || forecastSeconds === undefined) return [];
        return [
          {
            taskId: task.id,
            forecastRunId: forecaster.runId,
            clusterRunId: run.runId,
            forecastSeconds,
            measuredSeconds: task.actualSeconds,
            error: (forecastSeconds - task.actualSeconds) / task.actualSeconds,
          },
        ];
      });
  });
}

export interface CalibrationFactor {
  /** Median of measured ÷ forecast. */
  factor: number;
  /** How many past forecasts it is taken over. */
  pairs: number;
}

export function calibrationFactors(errors: readonly PastForecastError[]): Map<string, CalibrationFactor> {
  const ratios = new Map<string, number[]>();
  for (const error of errors) {
    if (error.forecastSeconds <= 0) continue;
    ratios.set(error.taskId, [
      ...(ratios.get(error.taskId) ?? []),
      error.measuredSeconds / error.forecastSeconds,
    ]);
  }
  return new Map(
    [...ratios].map(([taskId, values]) => [taskId, { factor: median(values)!, pairs: values.length }]),
  );
}

/** The latest of `runs` (oldest first) whose target matches and where the task passed, with its time. */
export function lastPassed(
  runs: readonly PastRun[],
  taskId: string,
  isTarget: (target: string) => boolean,
): { runId: string; seconds: number } | undefined {
  return runs
    .filter((run) => isTarget(run.target))
    .flatMap((run) =>
      run.tasks
        .filter((task) => task.id === taskId && task.status === 'passed')
        .map((task) => ({ runId: run.runId, seconds: task.actualSeconds })),
    )
    .at(-1);
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
