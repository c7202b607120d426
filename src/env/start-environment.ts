// Starts the environment of a run: containers for the ephemeral target, the configured cluster's
// endpoints (checked) for the cluster target.
import { startExternalEnvironment } from './external-provider.ts';
import type { StartedEnvironment, StartEnvironmentOptions } from './started-environment.ts';
import { startEphemeralEnvironment } from './testcontainers-provider.ts';

export async function startEnvironment(options: StartEnvironmentOptions): Promise<StartedEnvironment> {
  const { target, ...rest } = options;
  return target === 'ephemeral' ? startEphemeralEnvironment(rest) : startExternalEnvironment(rest);
}
