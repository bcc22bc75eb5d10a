import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { planStart } from '../scripts/start-plan.mjs';

describe('planStart (what npm start does)', () => {
  it('opens the desktop app when the Electron runtime is there', () => {
    expect(
      planStart({
        electronBinary: '/x/electron',
        downloadFailed: false,
        browserModeAvailable: true,
      }),
    ).toEqual({ action: 'desktop', binary: '/x/electron' });
  });

  it('says why in one paragraph and starts browser mode when the runtime cannot be had', () => {
    const plan = planStart({
      electronBinary: undefined,
      downloadFailed: true,
      browserModeAvailable: true,
    });
    expect(plan.action).toBe('browser');
    if (plan.action !== 'browser') return;
    expect(plan.notice).not.toContain('\n');
    expect(plan.notice).toMatch(/cannot open its desktop window/);
    expect(plan.notice).toMatch(/github\.com/);
    expect(plan.notice).toMatch(/browser mode/);
    expect(plan.notice).toMatch(/127\.0\.0\.1/);
    expect(plan.notice).toMatch(/npm start" again/);
  });

  it('does not blame the network when no download was tried', () => {
    const plan = planStart({
      electronBinary: undefined,
      downloadFailed: false,
      browserModeAvailable: true,
    });
    expect(plan.action === 'browser' && plan.notice).not.toMatch(/github/);
  });

  it('points to the command line and fails when browser mode is not there either', () => {
    const plan = planStart({
      electronBinary: undefined,
      downloadFailed: true,
      browserModeAvailable: false,
    });
    expect(plan.action).toBe('none');
    expect(plan.action === 'none' && plan.notice).toMatch(/breach-ready scan --demo/);
  });
});

describe('findElectronBinary', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('finds nothing without path.txt or a dist folder (the npm package alone)', () => {
    dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    expect(findElectronBinary(dir, {}, 'linux')).toBeUndefined();
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir, {}, 'linux')).toBeUndefined();
  });

  it('finds the downloaded binary, or the one ELECTRON_OVERRIDE_DIST_PATH points at', () => {
    dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    writeFileSync(join(dir, 'path.txt'), 'electron');
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir, {}, 'linux')).toBe(join(dir, 'dist', 'electron'));
    const other = join(dir, 'elsewhere');
    mkdirSync(other);
    writeFileSync(join(other, 'electron'), '');
    expect(findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: other }, 'linux')).toBe(
      join(other, 'electron'),
    );
    expect(
      findElectronBinary(dir, { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nowhere') }, 'linux'),
    ).toBeUndefined();
  });
});
