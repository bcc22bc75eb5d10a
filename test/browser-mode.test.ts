import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../main/api/http-server';
import { DEMO_TENANT_ID, openTestApi, type TestApi } from './helpers/api-service';
import { ROOT } from './helpers/run-cli';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

let api: TestApi | undefined;
let server: BrowserServer | undefined;
let browser: Browser | undefined;
let other: Server | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
  await new Promise((resolve) => (other ? other.close(resolve) : resolve(undefined)));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  browser = server = api = other = undefined;
});

/** A renderer page that only loads the real api client (bundled as the app would be). */
async function clientPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'breach-ready-client-page-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  await build({
    stdin: {
      contents:
        "import { createHttpClient } from './renderer/api/http-client';\n(window as any).client = createHttpClient();\n",
      loader: 'ts',
      resolveDir: ROOT,
    },
    bundle: true,
    format: 'iife',
    outfile: join(dir, 'assets', 'client.js'),
    logLevel: 'silent',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><title>Breach Ready</title><script src="/assets/client.js"></script></html>',
  );
  return dir;
}

type PageClient = {
  client: {
    call(method: string, request: object): Promise<unknown>;
    on(event: string, listener: (payload: { type: string; scanId: string }) => void): () => void;
  };
};

describe('browser mode in Chromium', () => {
  it.skipIf(!CHROMIUM)(
    'opens with the printed address, hides the key, runs a demo scan with live progress',
    async () => {
      api = await openTestApi();
      server = await startBrowserServer({
        handlers: api.service.handlers,
        rendererDir: await clientPage(),
      });
      browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
      const page = await browser.newPage();
      const csp: string[] = [];
      page.on('console', (m) => csp.push(m.text()));
      await page.goto(server.url);
      expect(page.url()).toBe(`${server.origin}/`);
      expect(await page.evaluate(() => document.cookie)).toBe('');

      const info = await page.evaluate(() =>
        (window as unknown as PageClient).client.call('app.info', {}),
      );
      expect(info).toMatchObject({ mode: 'browser' });
      const refused = await page.evaluate(() =>
        (window as unknown as PageClient).client
          .call('scans.get', { scanId: 'nope' })
          .catch((e: { name: string; code: string }) => `${e.name}:${e.code}`),
      );
      expect(refused).toBe('ApiError:not_found');

      const progress = await page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const { client } = window as unknown as PageClient;
            const seen: string[] = [];
            let id = '';
            const off = client.on('scan.progress', (p) => {
              if (id && p.scanId !== id) return;
              seen.push(p.type);
              if (p.type === 'finished' || p.type === 'failed') {
                off();
                resolve(seen);
              }
            });
            // Let the event stream connect before starting.
            setTimeout(() => {
              client
                .call('scan.start', { target: { kind: 'demo' }, profile: 'cis' })
                .then((r) => (id = (r as { scanId: string }).scanId), reject);
            }, 300);
          }),
      );
      expect(progress[0]).toBe('signing-in');
      expect(progress).toContain('source-finished');
      expect(progress.at(-1)).toBe('finished');
      const tenants = await page.evaluate(() =>
        (window as unknown as PageClient).client.call('tenants.list', {}),
      );
      expect(tenants).toMatchObject([{ id: DEMO_TENANT_ID, scans: 1 }]);
      expect(csp.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
    },
  );

  it.skipIf(!CHROMIUM)(
    'a page on another site cannot use the api, even in the same browser',
    async () => {
      api = await openTestApi();
      server = await startBrowserServer({
        handlers: api.service.handlers,
        rendererDir: await clientPage(),
      });
      const target = server.origin;
      other = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><title>Elsewhere</title>');
      });
      await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
      const elsewhere = `http://localhost:${(other.address() as AddressInfo).port}/`;

      browser = await chromium.launch({ executablePath: CHROMIUM!, args: ['--no-sandbox'] });
      const page = await browser.newPage();
      await page.goto(server.url); // The person is signed in to browser mode in this browser.
      await page.goto(elsewhere);
      const attempts = await page.evaluate(async (base) => {
        const body = JSON.stringify({
          method: 'scan.start',
          payload: { target: { kind: 'demo' }, profile: 'cis' },
        });
        const results: string[] = [];
        for (const init of [
          {
            method: 'POST',
            mode: 'no-cors',
            credentials: 'include',
            headers: { 'content-type': 'text/plain' },
            body,
          },
          {
            method: 'POST',
            credentials: 'include',
            headers: { 'content-type': 'application/json' },
            body,
          },
        ] as RequestInit[]) {
          try {
            const r = await fetch(`${base}/api/call`, init);
            results.push(`status ${r.status}`);
          } catch {
            results.push('blocked');
          }
        }
        return results;
      }, target);
      // Whatever the browser lets through is refused (no cookie across sites, foreign Origin).
      expect(attempts).toHaveLength(2);
      expect(attempts).not.toContain('status 200');
      expect(api.events).toEqual([]);
      expect(await api.store.listTenants()).toEqual([]);
    },
  );
});
