// Option parsing with node:util parseArgs, validated in one pass: every problem is reported with
// the option, what was expected and what was received.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export interface OptionProblem {
  option: string;
  expected: string;
  received: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
  readonly problems: OptionProblem[];

  constructor(problems: OptionProblem[]) {
    super(problems.map((p) => `${p.option}: expected ${p.expected}, received ${p.received}`).join('\n'));
    this.problems = problems;
  }
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** What a value must be, for the problem report (string options). */
  expected?: string;
  /** Allowed values, when the option is an enumeration. */
  choices?: readonly string[];
  /** Boolean options that accept `--no-<name>`. */
  negatable?: boolean;
}

export type ParsedOptions = Record<string, string | boolean | undefined>;

/** Parses argv against the spec; throws UsageError listing every problem at once. */
export function parseCommandOptions(
  argv: readonly string[],
  spec: Record<string, OptionSpec>,
): ParsedOptions {
  const config: ParseArgsOptionsConfig = Object.fromEntries(
    Object.entries(spec).map(([name, option]) => [name, { type: option.type }]),
  );
  // Not strict: parseArgs would stop at the first problem; the tokens let us report them all.
  const { tokens } = parseArgs({
    args: [...argv],
    options: config,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: ParsedOptions = {};
  const problems: OptionProblem[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      problems.push({
        option: `argument ${token.value}`,
        expected: 'options only',
        received: JSON.stringify(token.value),
      });
      continue;
    }
    if (token.kind !== 'option') continue;
    const negated = token.name.startsWith('no-') && spec[token.name.slice(3)]?.negatable === true;
    const name = negated ? token.name.slice(3) : token.name;
    const option = spec[name];
    if (option === undefined) {
      problems.push({
        option: token.rawName,
        expected: `one of ${optionNames(spec)}`,
        received: 'an unknown option',
      });
    } else if (option.type === 'boolean') {
      if (token.value !== undefined)
        problems.push({ option: token.rawName, expected: 'no value', received: JSON.stringify(token.value) });
      else values[name] = !negated;
    } else if (token.value === undefined || token.value === '' || token.value.startsWith('--')) {
      problems.push({
        option: token.rawName,
        expected: option.expected ?? 'a value',
        received: token.value === undefined ? 'nothing' : JSON.stringify(token.value),
      });
    } else if (option.choices !== undefined && !option.choices.includes(token.value)) {
      problems.push({
        option: token.rawName,
        expected: option.choices.join(' or '),
        received: JSON.stringify(token.value),
      });
    } else {
      values[name] = token.value;
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
  return values;
}

function optionNames(spec: Record<string, OptionSpec>): string {
  return Object.entries(spec)
    .map(([name, option]) => (option.negatable === true ? `--no-${name}` : `--${name}`))
    .join(', ');
}

/** `--only tt2,tt3` or `--only "tt2 tt3"` → ['tt2', 'tt3']. */
export function splitIds(value: string | boolean | undefined): string[] | undefined {
  if (typeof value !== 'string') return undefined;
  return value.split(/[\s,]+/).filter((id) => id !== '');
}
