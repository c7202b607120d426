import { describe, expect, it } from 'vitest';
import { parseCommandOptions, splitIds, UsageError, type OptionSpec } from './command-options.ts';

const spec: Record<string, OptionSpec> = {
  target: { type: 'string', choices: ['ephemeral', 'cluster'] },
  from: { type: 'string', expected: 'a task id' },
  strict: { type: 'boolean' },
  env: { type: 'boolean', negatable: true },
};

function problemsOf(argv: string[]): UsageError['problems'] {
  try {
    parseCommandOptions(argv, spec);
  } catch (error) {
    if (error instanceof UsageError) return error.problems;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandOptions', () => {
  it('reads strings, booleans and negations', () => {
    expect(parseCommandOptions(['--target', 'cluster', '--from=tt2', '--strict', '--no-env'], spec)).toEqual({
      target: 'cluster',
      from: 'tt2',
      strict: true,
      env: false,
    });
  });

  it('reports every problem with the option, what was expected and what was received', () => {
    expect(problemsOf(['--target', 'prod', '--nope', '--strict=yes', 'extra', '--from'])).toEqual([
      { option: '--target', expected: 'ephemeral or cluster', received: '"prod"' },
      {
        option: '--nope',
        expected: 'one of --target, --from, --strict, --no-env',
        received: 'an unknown option',
      },
      { option: '--strict', expected: 'no value', received: '"yes"' },
      { option: 'argument extra', expected: 'options only', received: '"extra"' },
      { option: '--from', expected: 'a task id', received: 'nothing' },
    ]);
  });
});

describe('splitIds', () => {
  it('splits on commas and spaces', () => {
    expect(splitIds('tt2, tt3 tp1')).toEqual(['tt2', 'tt3', 'tp1']);
    expect(splitIds(undefined)).toBeUndefined();
  });
});
