import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererResponseHeaders, resolveRendererRequest } from './renderer-files';

const ROOT = resolve('/opt/breach-ready/out/renderer');

describe('resolveRendererRequest', () => {
  it('serves index.html for the root and files inside the renderer folder', () => {
    expect(resolveRendererRequest('GET', 'app://breach-ready/', ROOT)).toEqual({
      ok: true,
      path: join(ROOT, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererRequest('GET', 'app://breach-ready/assets/index-abc.js', ROOT)).toEqual({
      ok: true,
      path: join(ROOT, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(
      resolveRendererRequest('HEAD', 'app://breach-ready/assets/a%20b.css?v=1#x', ROOT),
    ).toMatchObject({ ok: true, path: join(ROOT, 'assets', 'a b.css') });
  });

  it.each([
    'app://breach-ready/assets/..%2f..%2f..%2fsecret.json',
    'app://breach-ready/assets/..%5c..%5csecret.json',
    'app://breach-ready/..\\..\\secret.json',
    'app://breach-ready/index.html%00.png',
    'app://other/index.html',
    'app://breach-ready.evil/index.html',
    'app://user@breach-ready/index.html',
    'app://breach-ready:8080/index.html',
    'file:///opt/breach-ready/out/renderer/index.html',
    'https://breach-ready/index.html',
  ])('refuses %s', (url) => {
    const result = resolveRendererRequest('GET', url, ROOT);
    expect(result.ok).toBe(false);
  });

  it.each([
    ['app://breach-ready/../../etc/passwd.html', 'etc/passwd.html'],
    ['app://breach-ready/%2e%2e/%2e%2e/etc/passwd.html', 'etc/passwd.html'],
    ['app://breach-ready/%2E%2E/out/renderer/index.html', 'out/renderer/index.html'],
    ['app://breach-ready/./index.html', 'index.html'],
  ])('keeps the dot segments of %s inside the renderer folder', (url, inside) => {
    expect(resolveRendererRequest('GET', url, ROOT)).toMatchObject({
      ok: true,
      path: join(ROOT, inside),
    });
  });

  it('never resolves outside the root, whatever the path', () => {
    const pieces = [
      '..',
      '.',
      '%2e',
      '%2E%2e',
      'a',
      '%252e%252e',
      '%c0%ae',
      '\\',
      '%5C',
      '/',
      'x.js',
    ];
    for (let i = 0; i < 5000; i++) {
      const path = Array.from(
        { length: 1 + (i % 7) },
        (_, j) => pieces[(i * 31 + j * 17 + (i >> j)) % pieces.length],
      ).join('/');
      const result = resolveRendererRequest('GET', `app://breach-ready/${path}`, ROOT);
      if (result.ok) expect(result.path.startsWith(`${ROOT}/`)).toBe(true);
    }
  });

  it('refuses methods other than GET and HEAD, unknown file types and bad encodings', () => {
    expect(resolveRendererRequest('POST', 'app://breach-ready/index.html', ROOT)).toEqual({
      ok: false,
      status: 405,
    });
    expect(resolveRendererRequest('GET', 'app://breach-ready/run.sh', ROOT)).toEqual({
      ok: false,
      status: 404,
    });
    expect(resolveRendererRequest('GET', 'app://breach-ready/assets', ROOT)).toEqual({
      ok: false,
      status: 404,
    });
    expect(resolveRendererRequest('GET', 'app://breach-ready/%E0%A4%A.js', ROOT)).toEqual({
      ok: false,
      status: 400,
    });
  });
});

describe('rendererResponseHeaders', () => {
  it('carries the policy and forbids sniffing and referrers', () => {
    const headers = rendererResponseHeaders("default-src 'none'", 'text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe("default-src 'none'");
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
