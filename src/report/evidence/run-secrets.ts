// The secret values of a run, for redaction: the environment's (variables named like secrets,
// connection URL passwords) and the run environment's own credentials (generated for an ephemeral
// run, so in no variable), read from the descriptor the drills project was given; on a cluster run,
// the kubeconfig's credentials too (a token can be quoted without its key, e.g. in a pod log tail).
import type { Vitest } from 'vitest/node';
import type { DrillEnvDescriptor } from '../../env/drill-env.ts';
import { loadKubeConfig } from '../../k8s/index.ts';
import { environmentSecrets, kubeconfigSecrets } from '../../safety/index.ts';
import { readDrillVariables } from '../../config/index.ts';

export function runSecrets(
  vitest: Vitest | undefined,
  env: Record<string, string | undefined> = process.env,
): string[] {
  const descriptor = vitest?.projects
    .find((project) => project.name === 'drills')
    ?.getProvidedContext().drillEnv;
  return [...environmentSecrets(env), ...descriptorSecrets(descriptor), ...clusterSecrets(env)];
}

function clusterSecrets(env: Record<string, string | undefined>): string[] {
  if (!mayBeCluster(env)) return [];
  try {
    return kubeconfigSecrets(loadKubeConfig(env.KUBECONFIG ? { kubeconfigPath: env.KUBECONFIG } : {}));
  } catch {
    return []; // no readable kubeconfig: the run itself reports that
  }
}

function descriptorSecrets(descriptor: DrillEnvDescriptor | null | undefined): string[] {
  const auth = descriptor?.search?.auth;
  const searchSecret = auth === undefined ? undefined : 'apiKey' in auth ? auth.apiKey : auth.password;
  return [descriptor?.pg.password, searchSecret].filter(
    (value): value is string => (value ?? '').length >= 4,
  );
}

/** Redaction must never fail: with invalid variables (the run stops on them) the target is unknown, so maybe a cluster. */
function mayBeCluster(env: Record<string, string | undefined>): boolean {
  try {
    return readDrillVariables(env).DRILL_TARGET === 'cluster';
  } catch {
    return true;
  }
}
