import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { rendererResponseHeaders, resolveRendererRequest } from './renderer-files';

/**
 * Registers `app://` as a standard, secure scheme (Electron security checklist item 18: no
 * `file://`). Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        bypassCSP: false,
        allowServiceWorkers: false,
        corsEnabled: false,
        stream: false,
      },
    },
  ]);
}

/**
 * Serves the renderer build from `root` on `app://breach-ready/`, with the content security policy
 * on every response. Requests outside the folder, other hosts and unknown file types are refused.
 */
export function serveRenderer(root: string, contentSecurityPolicy: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveRendererRequest(request.method, request.url, root);
    if (!target.ok) {
      return new Response(null, {
        status: target.status,
        headers: rendererResponseHeaders(contentSecurityPolicy),
      });
    }
    try {
      const body = await readFile(target.path);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: rendererResponseHeaders(contentSecurityPolicy, target.contentType),
      });
    } catch {
      return new Response(null, {
        status: 404,
        headers: rendererResponseHeaders(contentSecurityPolicy),
      });
    }
  });
}
