// What the declaration of a DRILL_* variable holds, and the value schemas the declarations share.
import { homedir } from 'node:os';
import { z } from 'zod';

/** setting: the operator's to set; internal: set by cdtn-drill or with-env, never by hand; secret: never printed. */
export type VariableKind = 'setting' | 'internal' | 'secret';

export interface DrillVariable {
  /** Checks a set value (an empty value counts as unset) and turns it into what the code reads. */
  schema: z.ZodType;
  /** The raw value used when the variable is unset; absent: no default (the description says what then). */
  default?: string;
  kind: VariableKind;
  description: string;
  /**
   * The field of the checks configuration the variable sets (src/config/load-checks-config.ts): its
   * default is the runbook's (RUNBOOK_DEFAULTS), and a DRILL_CONFIG file comes before it.
   */
  configPath?: string;
}

/** `1`/`true` or `0`/`false`. */
export const flag = z
  .enum(['0', '1', 'true', 'false'], { error: '1, true, 0 or false' })
  .transform((value) => value === '1' || value === 'true');

export const positiveInt = z.coerce
  .number({ error: 'a positive integer' })
  .int({ error: 'a positive integer' })
  .positive({ error: 'a positive integer' });

export const positiveNumber = z.coerce
  .number({ error: 'a positive number' })
  .positive({ error: 'a positive number' });

export const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

/** A file or directory; a leading `~/` is the home directory. */
export const path = z
  .string()
  .transform((value) => (value.startsWith('~/') ? `${homedir()}${value.slice(1)}` : value));

/** A comma-separated list, each item checked by `item`. */
export function commaList<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));
}
