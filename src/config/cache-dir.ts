// DRILL_CACHE_DIR, the drill's cache (data packages here; the scripts keep the images and the
// Kubernetes binaries there too), read here only so that it has one default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function drillCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DRILL_CACHE_DIR || join(homedir(), '.cache', 'cdtn-recovery-drill');
}
