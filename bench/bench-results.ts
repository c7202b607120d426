// The record `npm run bench` writes (bench/results.json): exported interfaces, one figure per
// measured value with its unit and, where an issue sets one, its target and whether it was met.

export const BENCH_PARTS = ['env', 'restore', 'ingest', 'export', 'drill'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export const BENCH_FORMAT_VERSION = 2;

export interface BenchTarget {
  comparison: '<=' | '>=';
  value: number;
  /** Where the target comes from, e.g. "issue 4". */
  source: string;
}

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: BenchTarget;
  /** Present exactly when there is a target. */
  met?: boolean;
  /** How the value was taken, e.g. "median of 3 runs". */
  note?: string;
}

export type PartStatus = 'measured' | 'failed';

export interface BenchPartRecord {
  part: BenchPart;
  status: PartStatus;
  /** Wall time of the whole part, set-up included. */
  seconds: number;
  /** How many times the part's measures were repeated, and how they were combined. */
  repetition: string;
  figures: BenchFigure[];
  /** Facts that are not numbers: a drill's verdict, what the part ran against. */
  facts: Record<string, string>;
  /** The failure, when the part could not measure (the bench reports; it does not assert). */
  error?: string;
  /** The raw operations this part timed that the drill also performs, for the drill's ratio. */
  baselines?: BenchBaseline[];
}

/** A raw operation (no harness around it) whose time the drill cannot go below. */
export interface BenchBaseline {
  name: string;
  seconds: number;
}

/** The full drill's wall time against the sum of the raw baselines measured in the same bench. */
export interface SpeedSummary {
  drillSeconds?: number;
  baselines: BenchBaseline[];
  baselineSeconds: number;
  /** drill ÷ baselines, when the drill and every baseline part were measured. */
  ratio?: BenchFigure;
  /** What the ratio lacks: a part not selected, not measured or without its baseline. */
  missing: string[];
}

export interface MachineInfo {
  nproc: number;
  memoryBytes: number;
  cpuModel: string;
  /** 1, 5 and 15 minute load averages when the bench started: the machine may be shared. */
  loadAverage: number[];
  os: string;
  node: string;
  /** Versions of the real components, e.g. pg_restore, the containers' PostgreSQL, the engine. */
  versions: Record<string, string>;
}

export interface BenchResults {
  formatVersion: typeof BENCH_FORMAT_VERSION;
  /** When the bench started (ISO 8601). */
  date: string;
  seconds: number;
  /** The checkout measured: commit, with "+changes" when the work tree differs from it. */
  revision: string;
  machine: MachineInfo;
  options: { parts: BenchPart[]; runs: number };
  parts: BenchPartRecord[];
  speed: SpeedSummary;
}

/** A figure, with `met` derived from its target. */
export function figure(
  name: string,
  value: number,
  unit: string,
  extra: { target?: BenchTarget; note?: string } = {},
): BenchFigure {
  const { target, note } = extra;
  const met =
    target === undefined
      ? undefined
      : target.comparison === '<='
        ? value <= target.value
        : value >= target.value;
  return {
    name,
    value,
    unit,
    ...(target === undefined ? {} : { target, met }),
    ...(note === undefined ? {} : { note }),
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Repeated measures must agree this closely for their ratio to mean something (issue 17). */
export const SPREAD_TARGET = { comparison: '<=' as const, value: 5, source: 'issue 17' };

/** (max − min) ÷ median, in percent: how far repeated measures of one thing spread. */
export function spreadPercent(values: readonly number[]): number {
  const middle = median(values);
  return middle === 0 ? 0 : round(((Math.max(...values) - Math.min(...values)) / middle) * 100, 1);
}

/** Rounds for the record (rates to integers, seconds to 0.01 by default). */
export function round(value: number, decimals = 2): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export const MIB = 2 ** 20;
