import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** The header a non-browser client (tests, scripts) may send instead of the cookie. */
export const KEY_HEADER = 'x-breach-ready-key';

/** A fresh per-launch secret: 32 random bytes, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison that also hides the length of the secret. */
export function secretMatches(candidate: string | undefined, secret: string): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

/** Cookies are shared between ports of one host, so the name carries the port. */
export function cookieName(port: number): string {
  return `breach_ready_${port}`;
}

export function sessionCookie(port: number, secret: string): string {
  return `${cookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** The cookie or the header carries the launch secret. */
export function isAuthorised(request: IncomingMessage, port: number, secret: string): boolean {
  const header = request.headers[KEY_HEADER];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  return (
    secretMatches(fromHeader, secret) ||
    secretMatches(cookieValue(request.headers.cookie, cookieName(port)), secret)
  );
}

/** The hosts this server answers to: `127.0.0.1:PORT` and `localhost:PORT`, nothing else. */
export function allowedHost(request: IncomingMessage, port: number): string | undefined {
  const host = request.headers.host?.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` ? host : undefined;
}

/** A request from another web page carries that page's origin; only our own is accepted. */
export function originAllowed(request: IncomingMessage, host: string): boolean {
  const origin = request.headers.origin;
  return origin === undefined || origin === `http://${host}`;
}

/** Headers every answer carries. */
export function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

/** A small plain answer (text or JSON) with the security headers and no caching. */
export function sendPlain(
  response: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': type,
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  sendPlain(response, status, JSON.stringify(value), 'application/json; charset=utf-8');
}
