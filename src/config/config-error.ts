// Every problem of a configuration at once, each with its path, its source, expected and received.

export interface ConfigProblem {
  /** Dot path in the configuration, e.g. `backup.maxAgeHours`, or the variable's name. */
  path: string;
  /** Where the value came from: an environment variable, the config file, or the defaults. */
  source: string;
  expected: string;
  received: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: ConfigProblem[];

  /** `subject`: what was read, e.g. "checks configuration" or "DRILL_* variables". */
  constructor(problems: ConfigProblem[], options?: ErrorOptions, subject = 'checks configuration') {
    const lines = problems.map((p) => {
      const source = p.source === 'environment' ? '' : ` (${p.source})`;
      return `  - ${p.path || '(root)'}${source}: expected ${p.expected}, received ${p.received}`;
    });
    super(`invalid ${subject}, ${problems.length} problem(s):\n${lines.join('\n')}`, options);
    this.problems = problems;
  }
}
