import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { ROOT } from './helpers/run-cli';

/**
 * The real desktop app, driven by Playwright: the window loads the app:// page, and one api call
 * crosses the preload bridge and IPC. Runs only where the Electron runtime is installed.
 */
const require = createRequire(import.meta.url);
const binary = findElectronBinary(dirname(require.resolve('electron/package.json')));
const noDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skipReason = !binary
  ? 'the Electron runtime is not installed here (node_modules/electron has no downloaded binary and ELECTRON_OVERRIDE_DIST_PATH is not set). Run "npx install-electron" on a machine with internet access to run it.'
  : noDisplay
    ? 'there is no display (set DISPLAY, e.g. run under xvfb-run).'
    : undefined;

if (skipReason) console.log(`Electron smoke test skipped: ${skipReason}`);

describe.skipIf(Boolean(skipReason))('the desktop app (Electron smoke test)', () => {
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  beforeAll(async () => {
    const build = spawnSync(
      process.execPath,
      [
        join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
        'build',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    expect(build.status).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'breach-ready-electron-'));
    const env = { ...process.env, BREACH_READY_DATA_DIR: dataDir } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    app = await _electron.launch({ executablePath: binary!, args: [ROOT], env, timeout: 60_000 });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads the renderer from app://, with only the bridge and no Node in the page', async () => {
    expect(page.url()).toBe('app://breach-ready/index.html');
    const globals = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      bridge: Object.keys((window as unknown as { breachReady: object }).breachReady).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['api', 'on'] });
  });

  it('sends the content security policy on app:// responses', async () => {
    const csp = await page.evaluate(async () =>
      (await fetch('app://breach-ready/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toMatch(/script-src 'self'/);
  });

  it('answers one api call over IPC', async () => {
    const outcome = await page.evaluate(() =>
      (
        window as unknown as {
          breachReady: { api: { 'app.info': (r: object) => Promise<unknown> } };
        }
      ).breachReady.api['app.info']({}),
    );
    expect(outcome).toMatchObject({ ok: true, value: { mode: 'desktop', dataLocation: dataDir } });
    const refused = await page.evaluate(() =>
      (
        window as unknown as {
          breachReady: { api: { 'scans.get': (r: object) => Promise<unknown> } };
        }
      ).breachReady.api['scans.get']({ scanId: 42 }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
