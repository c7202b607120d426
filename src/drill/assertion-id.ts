// Every assertion of a drill has a stable id (`tt2.totals`): the sensitivity report's key, the name
// a mutation targets. It rides on the test's meta: `it(title, assertionId('tt2.totals'), fn)`.
import type { TestOptions } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    assertion?: string;
  }
}

export function assertionId(id: string, options: Omit<TestOptions, 'meta'> = {}): TestOptions {
  return { ...options, meta: { assertion: id } };
}
