import type { IncomingHttpHeaders } from 'node:http';

/** One request as the simulator's services see it (body already read). */
export interface SimRequest {
  readonly method: string;
  /** Path without the query string, still percent-encoded. */
  readonly path: string;
  /** The raw query string without `?`. */
  readonly rawQuery: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** `scheme://host[:port]` as the client addressed it (from `X-Forwarded-*`, else `Host`). */
  readonly origin: string;
}

/** Extra facts a service adds to the request log (never a secret or a token). */
export interface SimLogNote {
  grantType?: string;
  clientId?: string;
  authenticated?: boolean;
  /** The `uti` claim of an accepted bearer token: tells tokens apart without logging them. */
  tokenId?: string;
}

export interface SimReply {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /**
   * `send` answers normally; `hold` never answers (the socket stays open until the client gives up
   * or the simulator closes); `truncate` declares the full length, sends half and drops the
   * connection.
   */
  readonly delivery?: 'send' | 'hold' | 'truncate';
  readonly note?: SimLogNote;
  /** Called once the answer is written (or dropped): ends the request's time in flight. */
  readonly done?: () => void;
}

export function header(req: SimRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  if (Array.isArray(value)) return value[0];
  return value;
}

export function jsonReply(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  note?: SimLogNote,
): SimReply {
  return {
    status,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
    ...(note ? { note } : {}),
  };
}

export function htmlReply(status: number, html: string, note?: SimLogNote): SimReply {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body: html,
    ...(note ? { note } : {}),
  };
}

export function redirectReply(location: string, note?: SimLogNote): SimReply {
  return { status: 302, headers: { location }, body: '', ...(note ? { note } : {}) };
}

/** Decides the origin the client believes it is talking to. */
export function publicOrigin(headers: IncomingHttpHeaders, fallbackHost: string): string {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;
  const host = first(headers['x-forwarded-host']) ?? first(headers.host) ?? fallbackHost;
  const proto = first(headers['x-forwarded-proto']);
  const scheme = proto === 'https' || proto === 'http' ? proto : 'http';
  return `${scheme}://${host}`;
}

/** Query parameter names whose values must never reach the request log. */
const SECRET_PARAM = /token|secret|assertion|password|code|key|signature|sig$/i;

/** The query string with secret-looking values masked, for the request log. */
export function loggableQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  return rawQuery
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      if (eq !== -1 && SECRET_PARAM.test(decoded) && !decoded.startsWith('$')) return `${name}=***`;
      return pair;
    })
    .join('&');
}
