import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from './run-cli';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results', 'screens');
const AXE_PATH = createRequire(__filename).resolve('axe-core');

/** `breach-ready serve` on a free port with a fresh database; `url` carries the per-launch key. */
export interface ServedApp {
  readonly url: string;
  stop(): Promise<void>;
}

export async function serveApp(options: { clientId?: string } = {}): Promise<ServedApp> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run "npm run build:renderer" (npm test does it).');
  }
  const dir = mkdtempSync(join(tmpdir(), 'breach-ready-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(ROOT, 'bin', 'breach-ready.cjs'),
      'serve',
      '--port',
      '0',
      '--db',
      join(dir, 'e2e.db'),
      ...(options.clientId ? ['--client-id', options.clientId] : []),
    ],
    {
      cwd: ROOT,
      env: { ...process.env, BREACH_READY_DATA_DIR: dir, BREACH_READY_CLIENT_ID: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve printed no address:\n${output}`)),
      15_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?key=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** A 1280×800 page; CSP is bypassed only so axe-core can be injected. */
export async function openPage(
  browser: Browser,
  url: string,
  colorScheme: 'light' | 'dark' = 'light',
  /** Runs before the page loads, e.g. to route the page's api calls. */
  beforeLoad?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    bypassCSP: true,
    colorScheme,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  (page as Page & { problems: string[] }).problems = problems;
  await beforeLoad?.(page);
  await page.goto(url);
  return page;
}

export function pageErrors(page: Page): readonly string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** Runs axe-core on the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: object,
            opts: object,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    // Fluent UI's focus manager (Tabster) adds `<i data-tabster-dummy aria-hidden tabindex=0>`
    // bumpers that hand focus on at once; axe's aria-hidden-focus rule misreads them (a known
    // false positive, microsoft/tabster#288). Everything else on the page is checked.
    const result = await axe.run(
      { include: [['html']], exclude: [['[data-tabster-dummy]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** What the focused element is, as a keyboard user hears it: role and name. */
export async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const role = el.getAttribute('role') ?? el.tagName.toLowerCase();
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      ((el as HTMLInputElement).labels?.[0]?.textContent || null) ??
      el.textContent ??
      '';
    return `${role} ${name.replace(/\s+/g, ' ').trim()}`;
  });
}

/** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
export async function tabTo(
  page: Page,
  pattern: RegExp,
  options: { backwards?: boolean; max?: number } = {},
): Promise<void> {
  const max = options.max ?? 80;
  const seen: string[] = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const name = await focusedName(page);
    seen.push(name);
    if (pattern.test(name)) return;
  }
  throw new Error(`Tabbing never reached ${pattern}; focus went through:\n${seen.join('\n')}`);
}

/** Waits for a screen: its h1, with keyboard focus on it as the app puts it there. */
export async function arrive(page: Page, title: string | RegExp): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      () => document.activeElement?.hasAttribute('data-screen-title') === true,
      undefined,
      { timeout: 5_000 },
    );
  } catch (error) {
    await screenshot(page, `failed-waiting-for-${String(title).replace(/[^a-z0-9]+/gi, '-')}`);
    throw error;
  }
}
