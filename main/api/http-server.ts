import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch, type ApiCallContext, type ApiHandlers } from './dispatch';
import { readJsonBody } from './http-body';
import { EventHub } from './http-events';
import {
  allowedHost,
  isAuthorised,
  newSecret,
  originAllowed,
  secretMatches,
  sendJson,
  sendPlain,
  sessionCookie,
} from './http-security';
import { serveStatic } from './http-static';

export interface BrowserServerOptions {
  readonly handlers: ApiHandlers;
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Told about unexpected failures; never sent to the browser. */
  readonly onUnexpected?: (error: unknown) => void;
}

export interface BrowserServer {
  /** `http://127.0.0.1:PORT/?key=SECRET`: the address to open, once. */
  readonly url: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  /** The per-launch secret (for the `X-Breach-Ready-Key` header). */
  readonly secret: string;
  close(): Promise<void>;
}

const NEEDS_KEY =
  'This Breach Ready window needs the address printed in the terminal (it ends in ?key=…). Open that address again.';

/**
 * Browser mode: the api and the built screens on 127.0.0.1 only. Every request must name this
 * server as its host, come from no other web page, and carry the per-launch secret.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const secret = newSecret();
  const hub = new EventHub();
  const context: ApiCallContext = { emit: (event, payload) => hub.emit(event, payload) };
  let port = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const host = allowedHost(request, port);
    if (!host) {
      sendPlain(response, 421, 'This server answers only to 127.0.0.1 and localhost.');
      return;
    }
    if (!originAllowed(request, host)) {
      sendPlain(response, 403, 'Requests from other web pages are refused.');
      return;
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    const method = request.method ?? 'GET';

    const key = url.searchParams.get('key');
    if (key !== null && method === 'GET') {
      if (!secretMatches(key, secret)) {
        sendPlain(response, 403, NEEDS_KEY);
        return;
      }
      // The key goes into a cookie; the redirect keeps it out of the address bar and history.
      sendPlain(response, 303, '', 'text/plain; charset=utf-8', {
        Location: url.pathname,
        'Set-Cookie': sessionCookie(port, secret),
      });
      return;
    }
    if (!isAuthorised(request, port, secret)) {
      sendPlain(response, 401, NEEDS_KEY);
      return;
    }

    if (url.pathname === '/api/call') {
      if (method !== 'POST') {
        sendPlain(response, 405, 'Use POST.', 'text/plain; charset=utf-8', { Allow: 'POST' });
        return;
      }
      const body = await readJsonBody(request);
      if (!body.ok) {
        if (body.status === 413) {
          // The rest of the body is not read: close the connection once the answer is out.
          response.setHeader('Connection', 'close');
          response.once('finish', () => request.destroy());
        }
        sendJson(response, body.status, {
          ok: false,
          error: { code: 'bad_request', message: body.message },
        });
        return;
      }
      const { method: apiMethod, payload } = (body.value ?? {}) as {
        method?: unknown;
        payload?: unknown;
      };
      const outcome = await dispatch(
        options.handlers,
        apiMethod,
        payload,
        context,
        options.onUnexpected,
      );
      sendJson(response, 200, outcome);
      return;
    }
    if (url.pathname === '/api/events') {
      if (method !== 'GET') {
        sendPlain(response, 405, 'Use GET.', 'text/plain; charset=utf-8', { Allow: 'GET' });
        return;
      }
      hub.attach(response);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      sendJson(response, 404, {
        ok: false,
        error: { code: 'not_found', message: 'Unknown address.' },
      });
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendPlain(response, 405, 'Use GET.', 'text/plain; charset=utf-8', { Allow: 'GET, HEAD' });
      return;
    }
    await serveStatic(options.rendererDir, url.pathname, method, response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onUnexpected?.(error);
      if (!response.headersSent) {
        sendPlain(response, 500, 'Something went wrong inside Breach Ready. Nothing was changed.');
      } else {
        response.destroy();
      }
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?key=${secret}`,
    origin,
    port,
    secret,
    close: async () => {
      hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
