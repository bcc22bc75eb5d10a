import type { SourceError } from '../../shared/models/snapshot';

/** Graph error codes that mean "the tenant's licence does not include this". */
const LICENCE_CODES = new Set([
  'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
  'Authentication_RequestFromUnsupportedUserRole',
  'NotLicensed',
  'Forbidden_LicenseRequired',
  'AadPremiumLicenseRequired',
]);

interface GraphErrorEnvelope {
  error?: { code?: unknown; message?: unknown };
}

function envelope(body: unknown): { code?: string; message?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const e = (body as GraphErrorEnvelope).error;
  if (typeof e !== 'object' || e === null) return {};
  return {
    code: typeof e.code === 'string' ? e.code : undefined,
    message: typeof e.message === 'string' ? e.message.slice(0, 500) : undefined,
  };
}

/** Maps an HTTP error answer from Graph to a typed source error. */
export function classifyHttpError(status: number, body: unknown): SourceError {
  const { code, message } = envelope(body);
  const text = message ?? `HTTP ${status}`;
  const base = { status, ...(code ? { code } : {}), message: text };
  if (status === 401 || status === 403) {
    if (
      (code && LICENCE_CODES.has(code)) ||
      /premium licen[cs]e|not licensed|licen[cs]e is required/i.test(text)
    ) {
      return { kind: 'not_licensed', ...base };
    }
    return { kind: 'forbidden', ...base };
  }
  // Privileged Identity Management answers 400 AadPremiumLicenseRequired without Entra ID P2.
  if (status === 400 && code && LICENCE_CODES.has(code)) return { kind: 'not_licensed', ...base };
  if (status === 404) return { kind: 'not_found', ...base };
  if (status === 429) return { kind: 'throttled', ...base };
  if (status >= 500) return { kind: 'network', ...base };
  return { kind: 'invalid_response', ...base };
}

/** Maps a failure with no usable HTTP answer (connection, timeout) to a typed source error. */
export function classifyTransportError(error: unknown, timedOut: boolean): SourceError {
  if (timedOut) return { kind: 'network', message: 'Microsoft Graph did not answer in time' };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'network', message: message.slice(0, 500) };
}
