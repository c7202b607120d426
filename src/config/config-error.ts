// Every problem of a configuration at once, each with its path, its source, expected and received.

export interface ConfigProblem {
  /** Dot path in the configuration, e.g. `backup.maxAgeHours`. */
  path: string;
  /** Where the value came from: an environment variable, the config file, or the defaults. */
  source: string;
  expected: string;
  received: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[], options?: ErrorOptions) {
    const lines = problems.map(
      (p) => `  - ${p.path || '(root)'} (${p.source}): expected ${p.expected}, received ${p.received}`,
    );
    super(`invalid checks configuration, ${problems.length} problem(s):\n${lines.join('\n')}`, options);
    this.problems = problems;
  }
}
