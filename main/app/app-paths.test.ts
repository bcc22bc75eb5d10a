import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './app-paths';

const ROOT = resolve(__dirname, '..', '..');

describe('appPaths', () => {
  it('finds the demo tenant in assets/ when unpackaged', () => {
    const paths = appPaths({
      mainDir: join(ROOT, 'out', 'main'),
      appPath: ROOT,
      resourcesPath: '/nowhere',
      isPackaged: false,
    });
    expect(paths.rendererRoot).toBe(join(ROOT, 'out', 'renderer'));
    expect(paths.preload).toBe(join(ROOT, 'out', 'preload', 'index.cjs'));
    expect(existsSync(paths.demoFixture)).toBe(true);
    expect(existsSync(paths.demoFixture.replace(/\.json$/, '.settings.json'))).toBe(true);
  });

  it('reads the demo tenant from the installer resources when packaged', () => {
    const paths = appPaths({
      mainDir: '/opt/Breach Ready/resources/app.asar/out/main',
      appPath: '/opt/Breach Ready/resources/app.asar',
      resourcesPath: '/opt/Breach Ready/resources',
      isPackaged: true,
    });
    expect(paths.demoFixture).toBe('/opt/Breach Ready/resources/demo/contoso-dental.json');
    expect(paths.rendererRoot).toBe('/opt/Breach Ready/resources/app.asar/out/renderer');
  });
});
