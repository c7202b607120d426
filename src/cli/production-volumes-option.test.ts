import { describe, expect, it } from 'vitest';
import { loadProductionVolumes } from '../forecast/index.ts';
import { resolveProductionVolumes } from './production-volumes-option.ts';

describe('resolveProductionVolumes', () => {
  it('takes the committed volumes when the run names no backup', async () => {
    expect(await resolveProductionVolumes({})).toEqual({ volumes: await loadProductionVolumes() });
  });

  it('keeps the run going on the committed volumes, saying why, when the manifest cannot be read', async () => {
    const { volumes, warning } = await resolveProductionVolumes({ backup: '/nowhere/cdtn-admin.dump' });
    expect(volumes).toEqual(await loadProductionVolumes());
    expect(warning).toMatch(
      /^forecast: the committed production volumes are used, the manifest gives none: tt2: manifest \/nowhere\/cdtn-admin\.manifest\.json cannot be read/,
    );
  });
});
