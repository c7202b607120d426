// Breakages of the services a drill reaches over HTTP: the variable naming one pointed at the
// sensitivity run's local server, which answers 500 to every request.
import type { Mutation } from '../drill/mutation.ts';

/** `<breaks>.<name>-500`: `variable` points at the server answering 500 (with `path` appended). */
export function answering500(breaks: string, name: string, variable: string, path = ''): Mutation {
  return {
    id: `${breaks}.${name}-500`,
    breaks,
    description: `${name} answers 500 to every request (${variable})`,
    at: 'before-action',
    env: (faultyUrl) => ({ [variable]: `${faultyUrl}${path}` }),
  };
}
