// The secret values of a run, for redaction: the environment's (variables named like secrets,
// connection URL passwords) and the run environment's own credentials (generated for an ephemeral
// run, so in no variable), read from the descriptor the drills project was given.
import type { Vitest } from 'vitest/node';
import type { DrillEnvDescriptor } from '../../env/drill-env.ts';
import { environmentSecrets } from '../../safety/index.ts';

export function runSecrets(
  vitest: Vitest | undefined,
  env: Record<string, string | undefined> = process.env,
): string[] {
  const descriptor = vitest?.projects
    .find((project) => project.name === 'drills')
    ?.getProvidedContext().drillEnv;
  return [...environmentSecrets(env), ...descriptorSecrets(descriptor)];
}

function descriptorSecrets(descriptor: DrillEnvDescriptor | null | undefined): string[] {
  const auth = descriptor?.search?.auth;
  const searchSecret = auth === undefined ? undefined : 'apiKey' in auth ? auth.apiKey : auth.password;
  return [descriptor?.pg.password, searchSecret].filter(
    (value): value is string => (value ?? '').length >= 4,
  );
}
