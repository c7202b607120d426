// Resolves the jars of fabric8's mock API server (api-server/pom.xml, Maven's default repository,
// cached in ~/.m2) and compiles its main into a cache directory outside the work tree. Redone only
// when the pom or the Java source change; concurrent callers each build aside and the first rename wins.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { drillCacheDir } from '../config/index.ts';
import { K8sError } from '../k8s/k8s-error.ts';

const SOURCE_DIR = join(import.meta.dirname, 'api-server');
const INPUTS = ['pom.xml', 'DrillKubeApi.java'];

export interface PreparedApiServer {
  /** `java -cp <classpath> DrillKubeApi` */
  classpath: string;
  dir: string;
}

export async function prepareTestApiServer(): Promise<PreparedApiServer> {
  const cache = drillCacheDir();
  const dir = join(cache, 'kube-api-8.0.0');
  const inputs = await inputsHash();
  const prepared = { dir, classpath: `${join(dir, 'classes')}:${join(dir, 'lib', '*')}` };
  const isCurrent = async () =>
    (await readFile(join(dir, 'inputs.sha256'), 'utf8').catch(() => '')) === inputs;
  if (await isCurrent()) return prepared;

  await mkdir(cache, { recursive: true });
  const tmp = await mkdtemp(`${dir}.tmp-`);
  try {
    const maven = await execa(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        join(SOURCE_DIR, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${join(tmp, 'lib')}`,
      ],
      {
        reject: false,
        all: true,
      },
    );
    if (maven.exitCode !== 0) {
      throw new K8sError(
        `test API server: Maven could not resolve ${join(SOURCE_DIR, 'pom.xml')}; last lines:\n${lastLines(maven.all)}`,
        {
          cause: maven,
        },
      );
    }
    await execa('javac', [
      '-d',
      join(tmp, 'classes'),
      '-cp',
      join(tmp, 'lib', '*'),
      join(SOURCE_DIR, 'DrillKubeApi.java'),
    ]);
    await writeFile(join(tmp, 'inputs.sha256'), inputs);
    // another process may have finished first with the same inputs (and be running from it): keep its copy
    if (await isCurrent()) return prepared;
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir).catch(async (error: unknown) => {
      if (!(await isCurrent())) throw error;
    });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return prepared;
}

async function inputsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const name of INPUTS) hash.update(await readFile(join(SOURCE_DIR, name)));
  return hash.digest('hex');
}

function lastLines(text: string | undefined, count = 20): string {
  return (text ?? '').trimEnd().split('\n').slice(-count).join('\n');
}
