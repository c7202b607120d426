// The local image convention: recipes read from images/<name>/, input hashes that follow the files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  computeInputHash,
  IMAGES_DIR,
  listImageNames,
  readImageRecipe,
  type ImageRecipe,
} from '../../images/image-recipe.ts';
import { LOCAL_IMAGES } from '../../src/env/index.ts';

describe('local image recipes', () => {
  it('reads the base from its rootfs script and PostgreSQL from its Containerfile, FROM the base', () => {
    expect(listImageNames()).toEqual(expect.arrayContaining(['base', 'postgres']));
    expect(readImageRecipe('base')).toMatchObject({ kind: 'rootfs', tag: LOCAL_IMAGES.base, parents: [] });
    expect(readImageRecipe('postgres')).toMatchObject({
      kind: 'containerfile',
      tag: LOCAL_IMAGES.postgres,
      parents: ['base'],
    });
  });

  it('declares no EXPOSE in any Containerfile (an unmapped exposed port blocks the wait on Podman)', () => {
    for (const name of listImageNames()) {
      const recipe = readImageRecipe(name);
      if (recipe.kind !== 'containerfile') continue;
      expect(readFileSync(join(IMAGES_DIR, name, 'Containerfile'), 'utf8'), name).not.toMatch(
        /^\s*EXPOSE\b/im,
      );
    }
  });

  it('changes the input hash when a file or a parent changes, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'drill-recipe-'));
    writeFileSync(join(dir, 'Containerfile'), 'FROM localhost/cdtn-drill-base:bookworm\n');
    const recipe: ImageRecipe = {
      name: 'postgres',
      tag: 'x',
      dir,
      kind: 'containerfile',
      hasPrepare: false,
      parents: ['base'],
    };
    const first = computeInputHash(recipe, ['parent-a']);
    expect(computeInputHash(recipe, ['parent-a'])).toBe(first);
    expect(computeInputHash(recipe, ['parent-b'])).not.toBe(first);
    writeFileSync(join(dir, 'entrypoint.sh'), '#!/bin/sh\n');
    expect(computeInputHash(recipe, ['parent-a'])).not.toBe(first);
  });
});
