// Builds the local images (see image-recipe.ts for the convention) with Podman, parents first,
// skipping every image whose input-hash label already matches its folder.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { execa, ExecaError } from 'execa';
import {
  computeInputHash,
  INPUT_HASH_LABEL,
  readImageRecipe,
  type ImageRecipe,
  type LocalImageName,
} from './image-recipe.ts';

export interface BuildOutcome {
  name: LocalImageName;
  tag: string;
  built: boolean;
  durationMs: number;
}

export function getCacheDir(): string {
  return process.env.DRILL_CACHE_DIR ?? join(homedir(), '.cache', 'cdtn-recovery-drill');
}

/** Podman reads the engine settings written by scripts/podman-setup.sh (runc, cgroupfs, ulimits). */
function podmanEnv(): NodeJS.ProcessEnv {
  const conf = join(getCacheDir(), 'podman', 'containers.conf');
  return process.env.CONTAINERS_CONF || !existsSync(conf) ? {} : { CONTAINERS_CONF: conf };
}

async function getImageInputHash(tag: string): Promise<string | undefined> {
  const result = await execa(
    'podman',
    ['image', 'inspect', '--format', `{{ index .Labels "${INPUT_HASH_LABEL}" }}`, tag],
    {
      env: podmanEnv(),
      reject: false,
    },
  );
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}

/** Runs one step, its output kept in <work>/<step>.log; on failure the error carries its last lines. */
async function runStep(
  recipe: ImageRecipe,
  work: string,
  step: string,
  file: string,
  args: string[],
  cwd: string,
): Promise<string> {
  const log = join(work, `${step}.log`);
  try {
    const result = await execa(file, args, {
      all: true,
      cwd,
      env: { ...podmanEnv(), DRILL_IMAGE_CACHE: join(work, 'cache') },
    });
    writeFileSync(log, result.all ?? '');
    return result.stdout;
  } catch (error) {
    const output = error instanceof ExecaError ? String(error.all ?? '') : '';
    writeFileSync(log, output);
    const tail = output.trimEnd().split('\n').slice(-20).join('\n');
    throw new Error(`image ${recipe.tag}: ${step} failed (full log: ${log}); last lines:\n${tail}`, {
      cause: error,
    });
  }
}

async function buildOne(recipe: ImageRecipe, inputHash: string): Promise<void> {
  const work = join(getCacheDir(), 'images', recipe.name);
  mkdirSync(join(work, 'cache'), { recursive: true });
  if (recipe.kind === 'rootfs') {
    // The tarball is cached by input hash: re-importing after `podman rmi` skips debootstrap.
    const tarball = join(work, `rootfs-${inputHash.slice(0, 16)}.tar`);
    if (!existsSync(tarball))
      await runStep(recipe, work, 'rootfs', join(recipe.dir, 'rootfs.sh'), [tarball], recipe.dir);
    await runStep(
      recipe,
      work,
      'import',
      'podman',
      ['import', '--change', `LABEL=${INPUT_HASH_LABEL}=${inputHash}`, tarball, recipe.tag],
      work,
    );
    return;
  }
  let context = join(work, 'context');
  rmSync(context, { recursive: true, force: true });
  cpSync(recipe.dir, context, { recursive: true });
  if (recipe.hasPrepare) {
    const printed =
      (await runStep(recipe, work, 'prepare', 'bash', [join(recipe.dir, 'prepare.sh'), context], recipe.dir))
        .trim()
        .split('\n')
        .at(-1) ?? '';
    if (isAbsolute(printed) && existsSync(join(printed, 'Containerfile'))) context = printed;
  }
  await runStep(
    recipe,
    work,
    'build',
    'podman',
    ['build', '--pull=never', '--label', `${INPUT_HASH_LABEL}=${inputHash}`, '-t', recipe.tag, context],
    work,
  );
}

/**
 * Builds the named images and their local parents; returns one outcome per image, parents first.
 * Images whose parents are ready build at the same time (postgres and opensearch both wait for base
 * only): their downloads overlap.
 */
export async function buildImages(
  names: LocalImageName[],
  log: (line: string) => void = () => {},
): Promise<BuildOutcome[]> {
  const hashes = new Map<LocalImageName, Promise<string>>();
  const outcomes: BuildOutcome[] = [];
  const build = async (name: LocalImageName, chain: LocalImageName[]): Promise<string> => {
    const recipe = readImageRecipe(name);
    const parentHashes = await Promise.all(recipe.parents.map((parent) => ensure(parent, [...chain, name])));
    const inputHash = computeInputHash(recipe, parentHashes);
    const started = performance.now();
    const upToDate = (await getImageInputHash(recipe.tag)) === inputHash;
    if (!upToDate) {
      log(`building ${recipe.tag}`);
      await buildOne(recipe, inputHash);
    }
    const durationMs = Math.round(performance.now() - started);
    if (!upToDate) log(`built ${recipe.tag} in ${(durationMs / 1000).toFixed(1)} s`);
    outcomes.push({ name, tag: recipe.tag, built: !upToDate, durationMs });
    return inputHash;
  };
  const ensure = (name: LocalImageName, chain: LocalImageName[]): Promise<string> => {
    if (chain.includes(name)) throw new Error(`images: FROM cycle ${[...chain, name].join(' → ')}`);
    let hash = hashes.get(name);
    if (hash === undefined) hashes.set(name, (hash = build(name, chain)));
    return hash;
  };
  await Promise.all(names.map((name) => ensure(name, [])));
  if (outcomes.some((outcome) => outcome.built)) {
    // The previous builds are now untagged: drop them (only images carrying our label), once every
    // build is over (a build in progress has untagged images of its own).
    await execa('podman', ['image', 'prune', '-f', '--filter', `label=${INPUT_HASH_LABEL}`], {
      env: podmanEnv(),
      reject: false,
    });
  }
  return outcomes;
}
