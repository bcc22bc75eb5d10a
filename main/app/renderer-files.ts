import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** The file types the renderer build produces; anything else is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export type RendererRequest =
  | { readonly ok: true; readonly path: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404 | 405 };

/**
 * Maps a request on the app protocol to a file inside the renderer folder, or refuses it. Only GET
 * and HEAD on `app://breach-ready/`; no encoded separators, no `..`, no NUL, no path that resolves
 * outside `root`, and only known file types. `/` serves `index.html`.
 */
export function resolveRendererRequest(
  method: string,
  requestUrl: string,
  root: string,
): RendererRequest {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405 };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (
    url.protocol !== `${APP_SCHEME}:` ||
    url.host.toLowerCase() !== APP_HOST ||
    url.username !== '' ||
    url.password !== '' ||
    url.port !== ''
  ) {
    return { ok: false, status: 403 };
  }
  const rawPath = url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname;
  if (/%2f|%5c|%00/i.test(rawPath)) return { ok: false, status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403 };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403 };
  const base = resolve(root);
  const path = resolve(base, ...segments);
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return { ok: false, status: 403 };
  }
  const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
  if (!contentType) return { ok: false, status: 404 };
  return { ok: true, path, contentType };
}

/** Headers on every app protocol response, including refusals. */
export function rendererResponseHeaders(
  contentSecurityPolicy: string,
  contentType = 'text/plain; charset=utf-8',
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
