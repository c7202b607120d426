// How far a live database's package_version is behind the registry: on a healthy CDTN the nightly
// cron-ingester keeps each package at most a day or so behind; a larger lag means the ingestion has
// stopped. Measured from the publication of the first version the database has not ingested.
import semver from 'semver';
import { IngestError } from './ingest-error.ts';
import type { PublishHistory } from './registry-client.ts';

export interface PackageLag {
  installed: string;
  latest: string;
  /** Versions published after the installed one, up to latest. */
  versionsBehind: number;
  /** Hours since the first of them was published; 0 when up to date. */
  hoursBehind: number;
}

export function measurePackageLag(history: PublishHistory, installed: string, now: Date): PackageLag {
  const missed = Object.entries(history.published)
    .filter(
      ([version]) =>
        semver.valid(version) && semver.gt(version, installed) && semver.lte(version, history.latest),
    )
    .map(([, published]) => published.getTime());
  const firstMissed = missed.length === 0 ? now.getTime() : Math.min(...missed);
  return {
    installed,
    latest: history.latest,
    versionsBehind: missed.length,
    hoursBehind: Math.max(0, (now.getTime() - firstMissed) / 3_600_000),
  };
}

/** Throws when the lag exceeds the limit, naming the package, both versions and the hours. */
export function ensureLagWithin(packageName: string, lag: PackageLag, maxHours: number): void {
  if (lag.hoursBehind <= maxHours) return;
  throw new IngestError(
    packageName,
    `package_version is ${lag.installed}, ${lag.versionsBehind} version(s) behind the registry's latest ${lag.latest}, ` +
      `the first of them published ${Math.round(lag.hoursBehind)} h ago: expected at most ${maxHours} h behind (DRILL_MAX_PACKAGE_LAG_HOURS)`,
  );
}
