import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { judgeFindings } from '../scripts/electronegativity-gate.mjs';
import { ROOT } from './helpers/run-cli';

function lintElectron(sourceRoot: string) {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'lint-electron.mjs'), sourceRoot],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shell with one file replaced, as if someone weakened it. */
function weakenedCopy(file: string, code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'breach-ready-weakened-'));
  scratch.push(dir);
  mkdirSync(join(dir, 'renderer'), { recursive: true });
  cpSync(join(ROOT, 'main', 'app'), join(dir, 'main', 'app'), { recursive: true });
  cpSync(join(ROOT, 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
  writeFileSync(join(dir, file), code);
  return dir;
}

describe('judgeFindings', () => {
  const entry = {
    check: 'PRELOAD_JS_CHECK',
    file: 'main/app/window.ts',
    reason: 'The preload is the typed bridge only.',
  };

  it('passes when every finding is explained and every entry is used', () => {
    expect(
      judgeFindings([{ id: 'PRELOAD_JS_CHECK', file: 'main/app/window.ts' }], [entry]).ok,
    ).toBe(true);
  });

  it('fails on an unexplained finding, a stale entry, or an entry without a reason', () => {
    const unexplained = judgeFindings(
      [
        { id: 'SANDBOX_JS_CHECK', file: 'main/app/window.ts' },
        { id: 'PRELOAD_JS_CHECK', file: 'main/app/window.ts' },
      ],
      [entry],
    );
    expect(unexplained.ok).toBe(false);
    expect(unexplained.unexplained.map((i) => i.id)).toEqual(['SANDBOX_JS_CHECK']);
    expect(judgeFindings([], [entry]).stale).toEqual([entry]);
    expect(
      judgeFindings(
        [{ id: 'PRELOAD_JS_CHECK', file: 'main/app/window.ts' }],
        [{ ...entry, reason: '' }],
      ).ok,
    ).toBe(false);
    expect(judgeFindings([{ id: 'PRELOAD_JS_CHECK', file: 'main/app/other.ts' }], [entry]).ok).toBe(
      false,
    );
  });
});

describe('npm run lint:electron', () => {
  it('passes on the shell as it is', () => {
    const { code, output } = lintElectron(ROOT);
    expect(output).toMatch(/41 checks over \d+ files/);
    expect(output).toMatch(/No unexplained findings/);
    expect(code).toBe(0);
  });

  it('fails the build when the window is weakened', () => {
    const dir = weakenedCopy(
      'main/app/window.ts',
      `import { BrowserWindow } from 'electron';
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    webPreferences: { preload: preloadPath, nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },
  });
  void window.loadURL('http://example.com/');
  return window;
}
export function hardenWebContents(): void {}
`,
    );
    const { code, output } = lintElectron(dir);
    expect(code).toBe(1);
    for (const id of [
      'HTTP_RESOURCES_JS_CHECK',
      'CONTEXT_ISOLATION_JS_CHECK',
      'SANDBOX_JS_CHECK',
      'WEB_SECURITY_JS_CHECK',
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
    ]) {
      expect(output).toContain(`FINDING  ${id}`);
    }
  });

  it('fails when the permission handlers are removed', () => {
    const dir = weakenedCopy(
      'main/app/session-hardening.ts',
      'export function hardenSession(): void {}\n',
    );
    const { code, output } = lintElectron(dir);
    expect(code).toBe(1);
    expect(output).toContain('FINDING  PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  });
});
