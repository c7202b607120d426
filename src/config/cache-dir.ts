// DRILL_CACHE_DIR, the drill's cache (data packages, the test API server's jars), read here only so
// that the ingester and the k8s module share one default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function drillCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DRILL_CACHE_DIR || join(homedir(), '.cache', 'cdtn-recovery-drill');
}
