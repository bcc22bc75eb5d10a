import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { baseHeaders, sendPlain } from './http-security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Breach Ready</title></head>
<body><h1>Breach Ready</h1>
<p>The interface has not been built yet, so there is nothing to show here.</p>
<p>In the Breach Ready project folder, run <code>npm run build</code>, then start
<code>breach-ready serve</code> again. The command line works without it, for example
<code>npx breach-ready scan --demo</code>.</p>
</body></html>
`;

/** The file a URL path names inside `root`, or undefined when it would leave `root`. */
export function resolveInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  return target === base || target.startsWith(base + sep) ? target : undefined;
}

async function fileAt(path: string): Promise<Buffer | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * Serves the built renderer. `/` and paths without a file extension get `index.html` (the app
 * routes itself); anything outside the folder is refused.
 */
export async function serveStatic(
  root: string,
  pathname: string,
  method: 'GET' | 'HEAD',
  response: ServerResponse,
): Promise<void> {
  const target = resolveInside(root, pathname);
  if (!target) {
    sendPlain(response, 403, 'That path is not part of Breach Ready.');
    return;
  }
  let path = target;
  let body = pathname.endsWith('/') ? undefined : await fileAt(path);
  if (!body && !extname(pathname)) {
    path = resolve(root, 'index.html');
    body = await fileAt(path);
    if (!body) {
      sendPlain(response, 503, NOT_BUILT, 'text/html; charset=utf-8');
      return;
    }
  }
  if (!body) {
    sendPlain(response, 404, 'Not found.');
    return;
  }
  response.writeHead(200, {
    ...baseHeaders(),
    'Content-Type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-cache',
  });
  response.end(method === 'HEAD' ? undefined : body);
}
