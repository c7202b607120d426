// Reads the checks configuration: runbook defaults, then the optional JSON file named by
// DRILL_CONFIG, then the variables that set its fields (their configPath); validates the result in
// one pass, each problem with its source.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { checksConfigSchema, type ChecksConfig } from './checks-config-schema.ts';
import { ConfigError, type ConfigProblem } from './config-error.ts';
import { SECRET_ENV, UPSTREAM_CHECKS_VARIABLES } from './checks-variables.ts';
import { DECLARATIONS } from './drill-variables.ts';
import { setValue } from './read-drill-variables.ts';
import { RUNBOOK_DEFAULTS } from './runbook-defaults.ts';

type Json = Record<string, unknown>;

/** Each variable that sets a field of the configuration, and that field's path. */
const ENV_PATHS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(DECLARATIONS).flatMap(([name, declaration]) =>
      declaration.configPath ? [[name, declaration.configPath]] : [],
    ),
  ),
  ...UPSTREAM_CHECKS_VARIABLES,
};

export interface LoadChecksConfigOptions {
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
}

export function loadChecksConfig(options: LoadChecksConfigOptions = {}): ChecksConfig {
  const env = options.env ?? process.env;
  const readFile = options.readFile ?? ((path: string) => readFileSync(path, 'utf8'));
  const sources = new Map<string, string>();
  const raw = structuredClone(RUNBOOK_DEFAULTS) as Json;

  const file = setValue(env, 'DRILL_CONFIG');
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFile(file));
    } catch (error) {
      const problem = { path: '', source: `DRILL_CONFIG=${file}`, expected: 'a readable JSON file' };
      throw new ConfigError([{ ...problem, received: (error as Error).message }], { cause: error });
    }
    mergeInto(raw, parsed, [], (path) => sources.set(path, file));
  }
  for (const [name, path] of Object.entries(ENV_PATHS)) {
    const value = setValue(env, name);
    if (value === undefined) continue;
    setAt(raw, path.split('.'), value);
    sources.set(path, name);
  }

  const result = checksConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.flatMap((issue) => toProblems(issue, raw, sources)));
}

function toProblems(issue: z.core.$ZodIssue, raw: Json, sources: Map<string, string>): ConfigProblem[] {
  const at = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const path = [...at, key].join('.');
      return { path, source: findSource(path, sources), expected: 'no such key', received: 'a value' };
    });
  }
  const path = at.join('.');
  // zod messages read "Invalid input: expected number, received string": keep the expectation only.
  const expected = /expected (.+?)(?:, received .*)?$/.exec(issue.message)?.[1] ?? issue.message;
  const received = isSecretPath(path) ? '<redacted>' : show(getAt(raw, at));
  return [{ path, source: findSource(path, sources), expected, received }];
}

const SECRET_PATHS = SECRET_ENV.map((name) => ENV_PATHS[name] as string);

function isSecretPath(path: string): boolean {
  return SECRET_PATHS.some((secret) => path.startsWith(secret)) || /(^|\.)(headers|token)(\.|$)/.test(path);
}

function findSource(path: string, sources: Map<string, string>): string {
  for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const source = sources.get(p);
    if (source) return source;
  }
  return 'defaults';
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function mergeInto(target: Json, source: unknown, path: string[], onSet: (path: string) => void): void {
  if (!isPlainObject(source)) {
    onSet(path.join('.'));
    return;
  }
  for (const [key, value] of Object.entries(source)) {
    const next = [...path, key];
    if (isPlainObject(value) && isPlainObject(target[key])) {
      mergeInto(target[key] as Json, value, next, onSet);
    } else {
      target[key] = value;
      onSet(next.join('.'));
    }
  }
}

function setAt(target: Json, path: string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Json;
  }
  node[path[path.length - 1] as string] = value;
}

function getAt(target: unknown, path: string[]): unknown {
  let node = target;
  for (const key of path) node = isPlainObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined;
  return node;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
