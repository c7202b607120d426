// A pod's settings come from its container's environment: a missing one stops it with its name.
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`rehearsal pod: ${name} is not set in the container's environment`);
  return value;
}
