// How each engine runs as a host process from what images/<kind>/prepare.sh leaves in the cache:
// the command, its environment, and the files its home needs. Shared by the contract tests and the
// measurements; containers use the Containerfiles instead.
import { cp, chown, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';

export type LocalEngineKind = 'opensearch' | 'elasticsearch';

export interface LaunchSpec {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const IMAGES_DIR = join(import.meta.dirname, '..', '..', 'images');
const HEAP = '-Xms512m -Xmx1g';
/**
 * C1 only and the serial collector: on 2 shared cores, OpenSearch was ready in 6–7 s instead of
 * 16–17 s and bulk-indexed CDTN-like documents faster too (C2 compilations cost more than they
 * earn in a short run). Same options in images/opensearch/Containerfile.
 */
const OPENSEARCH_JVM_OPTIONS = `${HEAP} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`;
/** Elasticsearch's own jvm.options choose G1: only C1 is added. */
const ELASTICSEARCH_JVM_OPTIONS = `${HEAP} -XX:TieredStopAtLevel=1`;
/** Elasticsearch refuses to run as root: as root, it runs as this user (uid/gid of Debian's nobody). */
const UNPRIVILEGED = { uid: 65534, gid: 65534 };

/** Runs images/<kind>/prepare.sh (resolves and caches the jars once) and returns its directory. */
export async function prepareEngine(kind: LocalEngineKind): Promise<string> {
  const script = join(IMAGES_DIR, kind, 'prepare.sh');
  const { stdout } = await execa('bash', [script], { stderr: 'inherit' });
  return stdout.trim().split('\n').at(-1) ?? '';
}

/** `extra` settings come last: they override the defaults (tests use it to make a start fail). */
export async function buildLaunchSpec(
  kind: LocalEngineKind,
  prepared: string,
  home: string,
  port: number,
  extra: Record<string, string> = {},
): Promise<LaunchSpec> {
  const extraArgs = Object.entries(extra).map(([key, value]) => `${key}=${value}`);
  if (kind === 'opensearch') {
    return {
      command: 'java',
      args: [
        ...OPENSEARCH_JVM_OPTIONS.split(' '),
        '-cp',
        `${prepared}/classes:${prepared}/lib/*`,
        'DrillOpenSearch',
        `path.home=${home}`,
        `http.port=${port}`,
        'network.host=127.0.0.1',
        ...extraArgs,
      ],
      env: process.env,
      cwd: home,
    };
  }
  // A home of its own: hard links to the read-only distribution, a writable copy of config/.
  const distribution = join(prepared, 'elasticsearch-8.13.4');
  for (const dir of ['bin', 'lib', 'modules']) {
    // Hard links cost nothing; a temp dir on another file system (tmpfs) gets a copy.
    const linked = await execa('cp', ['-al', join(distribution, dir), join(home, dir)], { reject: false });
    if (!linked.failed) continue;
    await rm(join(home, dir), { recursive: true, force: true });
    await cp(join(distribution, dir), join(home, dir), { recursive: true });
  }
  await cp(join(distribution, 'config'), join(home, 'config'), { recursive: true });
  for (const dir of ['data', 'logs', 'tmp', 'plugins']) await mkdir(join(home, dir));
  const settings = {
    'discovery.type': 'single-node',
    'xpack.security.enabled': 'false',
    'network.host': '127.0.0.1',
    'http.port': String(port),
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
  };
  const command = join(home, 'bin', 'elasticsearch');
  const args = [...Object.entries(settings).map(([key, value]) => `${key}=${value}`), ...extraArgs].flatMap(
    (setting) => ['-E', setting],
  );
  const env = {
    ...process.env,
    ES_JAVA_HOME: await javaHome(),
    ES_JAVA_OPTS: ELASTICSEARCH_JVM_OPTIONS,
    ES_TMPDIR: join(home, 'tmp'),
  };
  if (process.getuid?.() !== 0) return { command, args, env, cwd: home };
  for (const dir of ['', 'config', 'data', 'logs', 'tmp', 'plugins'])
    await chown(join(home, dir), UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  await execa('chown', ['-R', `${UNPRIVILEGED.uid}:${UNPRIVILEGED.gid}`, join(home, 'config')]);
  return {
    command: 'setpriv',
    args: [`--reuid=${UNPRIVILEGED.uid}`, `--regid=${UNPRIVILEGED.gid}`, '--clear-groups', command, ...args],
    env,
    cwd: home,
  };
}

/** The JDK/JRE home of the `java` on PATH (Elasticsearch's integ-test build bundles none). */
async function javaHome(): Promise<string> {
  if (process.env.JAVA_HOME) return process.env.JAVA_HOME;
  const { stdout } = await execa('readlink', [
    '-f',
    (await execa('sh', ['-c', 'command -v java'])).stdout.trim(),
  ]);
  return join(stdout.trim(), '..', '..');
}
