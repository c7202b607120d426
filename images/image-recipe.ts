// How a local image is made, read from its folder: images/<name>/ where <name> is a key of
// LOCAL_IMAGES. The convention (any engineer adding an image follows it):
//   images/<name>/Containerfile  built with `podman build --pull=never`; its FROM names another
//                                local image (usually LOCAL_IMAGES.base), never a registry image;
//   images/<name>/prepare.sh     optional, run on the host before the build with the build
//                                context folder as $1 (a copy of images/<name>/) and a persistent
//                                download cache as $DRILL_IMAGE_CACHE (e.g. Maven jars); when the
//                                last line it prints on stdout is a directory, that directory is
//                                the build context instead (it must hold the Containerfile);
//   images/<name>/rootfs.sh      instead of a Containerfile: writes a root filesystem tarball to $1,
//                                imported as the image (the base image).
// The image carries the hash of its inputs (every file of its folder + its parents' hashes) in the
// label INPUT_HASH_LABEL, so `node images/build.ts` rebuilds it only when an input changed.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCAL_IMAGES } from '../src/env/images.ts';

export type LocalImageName = keyof typeof LOCAL_IMAGES;

export const INPUT_HASH_LABEL = 'org.cdtn-drill.inputs';

export interface ImageRecipe {
  name: LocalImageName;
  tag: string;
  dir: string;
  kind: 'rootfs' | 'containerfile';
  hasPrepare: boolean;
  /** Local images named in FROM lines, built first. */
  parents: LocalImageName[];
}

export const IMAGES_DIR = import.meta.dirname;

export function isLocalImageName(name: string): name is LocalImageName {
  return Object.hasOwn(LOCAL_IMAGES, name);
}

/** Image folders present in images/ (a folder with a recipe must be named after a LOCAL_IMAGES key). */
export function listImageNames(): LocalImageName[] {
  const withRecipe = readdirSync(IMAGES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) =>
      ['Containerfile', 'rootfs.sh'].some((file) => existsSync(join(IMAGES_DIR, name, file))),
    );
  const unknown = withRecipe.filter((name) => !isLocalImageName(name));
  if (unknown.length > 0) {
    throw new Error(
      `images/${unknown.join(', images/')}: not a key of LOCAL_IMAGES (src/env/images.ts), which tags it`,
    );
  }
  return withRecipe.filter(isLocalImageName);
}

export function readImageRecipe(name: LocalImageName): ImageRecipe {
  const dir = join(IMAGES_DIR, name);
  const containerfile = join(dir, 'Containerfile');
  if (existsSync(containerfile)) {
    const parents = [...readFileSync(containerfile, 'utf8').matchAll(/^\s*FROM\s+(\S+)/gim)].map((match) => {
      const parent = Object.entries(LOCAL_IMAGES).find(([, tag]) => tag === match[1]);
      if (!parent) {
        throw new Error(
          `images/${name}/Containerfile: FROM ${match[1]} is not a local image (expected one of: ${Object.values(LOCAL_IMAGES).join(', ')})`,
        );
      }
      return parent[0] as LocalImageName;
    });
    return {
      name,
      tag: LOCAL_IMAGES[name],
      dir,
      kind: 'containerfile',
      hasPrepare: existsSync(join(dir, 'prepare.sh')),
      parents,
    };
  }
  if (existsSync(join(dir, 'rootfs.sh'))) {
    return { name, tag: LOCAL_IMAGES[name], dir, kind: 'rootfs', hasPrepare: false, parents: [] };
  }
  throw new Error(`images/${name}: expected a Containerfile or a rootfs.sh`);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** sha256 over the folder's files (path and content) and the parents' input hashes. */
export function computeInputHash(recipe: ImageRecipe, parentHashes: string[]): string {
  const hash = createHash('sha256');
  for (const parent of parentHashes) hash.update(`parent ${parent}\n`);
  for (const file of listFiles(recipe.dir)) {
    hash.update(`file ${file}\n`);
    hash.update(readFileSync(join(recipe.dir, file)));
  }
  return hash.digest('hex');
}
