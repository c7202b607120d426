// Reads every DRILL_* variable of an environment in one pass: an empty value is unset, an unset one
// takes its default, and all invalid ones are reported together (a secret's value never printed).
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from './config-error.ts';
import { DECLARATIONS, type DRILL_VARIABLES, type DrillVariableName } from './drill-variables.ts';
import { RUNBOOK_DEFAULTS } from './runbook-defaults.ts';

type Declarations = typeof DRILL_VARIABLES;
type Value<D> = D extends { schema: z.ZodType<infer T> } ? T : never;

/** What the code reads: a variable with a default is always there, one without may be undefined. */
export type DrillVariables = {
  readonly [K in DrillVariableName]: Declarations[K] extends { default: string }
    ? Value<Declarations[K]>
    : Value<Declarations[K]> | undefined;
};

type Env = Record<string, string | undefined>;
const NAMES = Object.keys(DECLARATIONS) as DrillVariableName[];
/** The environment is mutable (the CLI sets variables for its child): a cached result is keyed by its values. */
const cache = new WeakMap<Env, { key: string; variables: DrillVariables }>();

export function readDrillVariables(env: Env = process.env): DrillVariables {
  const key = JSON.stringify(NAMES.map((name) => env[name] ?? ''));
  const cached = cache.get(env);
  if (cached?.key === key) return cached.variables;
  const variables: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const name of NAMES) {
    const declaration = DECLARATIONS[name];
    const raw = setValue(env, name) ?? declaration.default;
    if (raw === undefined) continue;
    const parsed = declaration.schema.safeParse(raw);
    if (parsed.success) variables[name] = parsed.data;
    else problems.push(problem(name, raw, declaration.kind === 'secret', parsed.error));
  }
  if (problems.length > 0) throw new ConfigError(problems, {}, 'DRILL_* variables');
  const result = Object.freeze(variables) as DrillVariables;
  cache.set(env, { key, variables: result });
  return result;
}

/** The value of a variable as set, undefined when unset or empty. */
export function setValue(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The default a variable takes when unset, as written in docs/drill-prod.md: its own, else the
 * runbook's value of the checks configuration field it sets; undefined when it has none.
 */
export function documentedDefault(name: DrillVariableName): string | undefined {
  const declaration = DECLARATIONS[name];
  if (declaration.default !== undefined) return declaration.default;
  if (declaration.configPath === undefined) return undefined;
  let node: unknown = RUNBOOK_DEFAULTS;
  for (const key of declaration.configPath.split('.'))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node === undefined ? undefined : String(node);
}

function problem(name: string, raw: string, secret: boolean, error: z.ZodError): ConfigProblem {
  const messages = [...new Set(error.issues.map((issue) => expectation(issue.message)))];
  return {
    path: name,
    source: 'environment',
    expected: messages.join('; '),
    // A URL's user and password are credentials even in a variable that is not a secret.
    received: secret ? '<redacted>' : JSON.stringify(raw.replace(/\/\/[^/@\s]+@/g, '//***@')),
  };
}

/** zod's own messages read "Invalid input: expected number, received NaN": keep the expectation. */
function expectation(message: string): string {
  return /expected (.+?)(?:, received .*)?$/.exec(message)?.[1] ?? message;
}
