import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanProgressEvent } from '../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { DEMO_TENANT_ID, openTestApi, type TestApi } from '../../test/helpers/api-service';
import { rawRequest } from '../../test/helpers/http-request';
import { CHECKS } from '../checks/catalog';
import { startBrowserServer, type BrowserServer } from './http-server';

let api: TestApi | undefined;
let server: BrowserServer | undefined;
let rendererDir: string | undefined;
afterEach(async () => {
  await server?.close();
  await api?.close();
  if (rendererDir) rmSync(rendererDir, { recursive: true, force: true });
  server = undefined;
  api = undefined;
  rendererDir = undefined;
});

async function start(options: { built?: boolean } = {}): Promise<BrowserServer> {
  api = await openTestApi();
  rendererDir = mkdtempSync(join(tmpdir(), 'breach-ready-renderer-'));
  if (options.built !== false) {
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Breach Ready</title>');
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("hi")');
  }
  server = await startBrowserServer({ handlers: api.service.handlers, rendererDir });
  return server;
}

const json = { 'content-type': 'application/json' };
const keyed = () => ({ 'x-breach-ready-key': server!.secret });

async function apiCall(method: string, payload: unknown = {}) {
  const response = await rawRequest(server!.port, {
    method: 'POST',
    path: '/api/call',
    headers: { ...json, ...keyed() },
    body: JSON.stringify({ method, payload }),
  });
  expect(response.status).toBe(200);
  return JSON.parse(response.body) as { ok: boolean; value?: unknown; error?: { code: string } };
}

describe('browser mode: who may talk to the server', () => {
  it('listens on 127.0.0.1 only and prints an address with the launch secret', async () => {
    const s = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[A-Za-z0-9_-]{43}$/);
    expect(s.url).toContain(s.secret);
    const other = await startBrowserServer({
      handlers: api!.service.handlers,
      rendererDir: rendererDir!,
    });
    expect(other.secret).not.toBe(s.secret);
    await other.close();
  });

  it('refuses every request without the secret, and a wrong key', async () => {
    const s = await start();
    for (const path of ['/', '/assets/app.js', '/api/events']) {
      expect((await rawRequest(s.port, { path })).status).toBe(401);
    }
    const call = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/call',
      headers: json,
      body: JSON.stringify({ method: 'app.info', payload: {} }),
    });
    expect(call.status).toBe(401);
    expect(call.body).not.toContain('dataLocation');

    const wrong = await rawRequest(s.port, { path: '/?key=not-the-key' });
    expect(wrong.status).toBe(403);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const wrongHeader = await rawRequest(s.port, {
      path: '/',
      headers: { 'x-breach-ready-key': `${s.secret}x` },
    });
    expect(wrongHeader.status).toBe(401);
    const wrongCookie = await rawRequest(s.port, {
      path: '/',
      headers: { cookie: `breach_ready_${s.port}=${s.secret.slice(1)}` },
    });
    expect(wrongCookie.status).toBe(401);
  });

  it('trades the key in the address for a strict HttpOnly cookie and a clean address', async () => {
    const s = await start();
    const first = await rawRequest(s.port, { path: `/?key=${s.secret}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = first.headers['set-cookie']![0]!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    const pair = cookie.split(';')[0]!;
    const page = await rawRequest(s.port, { path: '/', headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Breach Ready</title>');
    const info = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, cookie: `other=1; ${pair}` },
      body: JSON.stringify({ method: 'app.info', payload: {} }),
    });
    expect(JSON.parse(info.body)).toMatchObject({ ok: true, value: { mode: 'browser' } });
  });

  it('answers only to its own host name (DNS rebinding)', async () => {
    const s = await start();
    for (const host of [
      'evil.example',
      `evil.example:${s.port}`,
      `127.0.0.1:${s.port + 1}`,
      '127.0.0.1',
    ]) {
      const response = await rawRequest(s.port, {
        path: `/?key=${s.secret}`,
        headers: { host, ...keyed() },
      });
      expect(response.status, host).toBe(421);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    const local = await rawRequest(s.port, {
      path: '/',
      headers: { host: `localhost:${s.port}`, ...keyed() },
    });
    expect(local.status).toBe(200);
  });

  it('refuses requests made by other web pages, even with the secret', async () => {
    const s = await start();
    for (const origin of [
      'http://evil.example',
      'null',
      `http://127.0.0.1:${s.port + 1}`,
      `https://127.0.0.1:${s.port}`,
    ]) {
      const response = await rawRequest(s.port, {
        method: 'POST',
        path: '/api/call',
        headers: { ...json, ...keyed(), origin },
        body: JSON.stringify({ method: 'app.info', payload: {} }),
      });
      expect(response.status, origin).toBe(403);
    }
    const own = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...keyed(), origin: s.origin },
      body: JSON.stringify({ method: 'app.info', payload: {} }),
    });
    expect(own.status).toBe(200);
  });

  it('takes only JSON bodies of at most 1 MB', async () => {
    const s = await start();
    const form = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/call',
      headers: { 'content-type': 'text/plain', ...keyed() },
      body: JSON.stringify({ method: 'app.info', payload: {} }),
    });
    expect(form.status).toBe(415);
    const big = JSON.stringify({ method: 'notes.set', payload: { text: 'x'.repeat(1024 * 1024) } });
    const declared = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...keyed() },
      body: big,
    });
    expect(declared.status).toBe(413);
    const streamed = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...keyed(), 'transfer-encoding': 'chunked' },
      body: big,
      chunked: true,
    });
    expect(streamed.status).toBe(413);
    const broken = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...keyed() },
      body: '{"method":',
    });
    expect(broken.status).toBe(400);
    const wrongVerb = await rawRequest(s.port, { path: '/api/call', headers: keyed() });
    expect(wrongVerb.status).toBe(405);
  });
});

describe('browser mode: the built screens', () => {
  it('serves the renderer with the app CSP and safe headers, and no file outside it', async () => {
    const s = await start();
    const page = await rawRequest(s.port, { path: '/', headers: keyed() });
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const script = await rawRequest(s.port, { path: '/assets/app.js', headers: keyed() });
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    // An address the app routes itself gets the page; a missing file does not.
    expect((await rawRequest(s.port, { path: '/findings', headers: keyed() })).status).toBe(200);
    expect((await rawRequest(s.port, { path: '/assets/nope.js', headers: keyed() })).status).toBe(
      404,
    );

    writeFileSync(join(rendererDir!, '..', 'secret-next-door.txt'), 'do not serve');
    for (const path of [
      '/..%2fsecret-next-door.txt',
      '/%2e%2e/secret-next-door.txt',
      '/assets/..%2f..%2fsecret-next-door.txt',
      '/..%5csecret-next-door.txt',
      '/%00index.html',
      '/../secret-next-door.txt',
      '/%E0%A4%A',
    ]) {
      const response = await rawRequest(s.port, { path, headers: keyed() });
      expect([403, 404], path).toContain(response.status);
      expect(response.body, path).not.toContain('do not serve');
    }
    rmSync(join(rendererDir!, '..', 'secret-next-door.txt'));
    const api = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...keyed() },
      body: JSON.stringify({ method: 'app.info', payload: {} }),
    });
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('says how to build the interface when it is not built', async () => {
    const s = await start({ built: false });
    const page = await rawRequest(s.port, { path: '/', headers: keyed() });
    expect(page.status).toBe(503);
    expect(page.body).toContain('npm run build');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

/** Reads Server-Sent Events until `until` says stop. */
function readEvents(
  port: number,
  headers: Record<string, string>,
  until: (payload: { event: string; payload: unknown }) => boolean,
): { ready: Promise<void>; done: Promise<{ event: string; payload: unknown }[]> } {
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const done = new Promise<{ event: string; payload: unknown }[]>((resolve, reject) => {
    const seen: { event: string; payload: unknown }[] = [];
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/events', headers }, (res) => {
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        buffer += text;
        if (buffer.includes(': connected')) markReady();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (!data) continue;
          const parsed = JSON.parse(data) as { event: string; payload: unknown };
          seen.push(parsed);
          if (until(parsed)) {
            req.destroy();
            resolve(seen);
          }
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
  return { ready, done };
}

describe('browser mode: a whole demo scan over HTTP', () => {
  it('streams scan progress over SSE and serves the stored scan', async () => {
    const s = await start();
    const stream = readEvents(s.port, keyed(), (e) => {
      const p = e.payload as ScanProgressEvent;
      return e.event === 'scan.progress' && (p.type === 'finished' || p.type === 'failed');
    });
    await stream.ready;
    const started = await apiCall('scan.start', { target: { kind: 'demo' }, profile: 'cis' });
    expect(started.ok).toBe(true);
    const { scanId } = started.value as { scanId: string };
    const events = await stream.done;
    const progress = events.map((e) => e.payload as ScanProgressEvent);
    expect(progress.every((p) => p.scanId === scanId)).toBe(true);
    expect(progress[0]!.type).toBe('signing-in');
    expect(progress.filter((p) => p.type === 'source-finished').length).toBeGreaterThan(5);
    const end = progress.at(-1)!;
    expect(end).toMatchObject({ type: 'finished', tenantId: DEMO_TENANT_ID });

    const detail = await apiCall('scans.get', { scanId });
    expect(detail).toMatchObject({
      ok: true,
      value: { summary: { id: scanId }, tenant: { id: DEMO_TENANT_ID } },
    });
    const value = detail.value as { findings: unknown[]; score: { overall: number } };
    expect(value.findings).toHaveLength(CHECKS.length);
    expect(end.type === 'finished' && end.score).toBe(value.score.overall);
    expect(await apiCall('scans.get', { scanId: 'missing' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
