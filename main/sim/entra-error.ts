import { jsonReply, type SimLogNote, type SimReply } from './sim-http';

/** What every Entra error answer carries besides the error itself. */
export interface EntraErrorIds {
  readonly traceId: string;
  readonly correlationId: string;
  readonly now: number;
}

export interface EntraProblem {
  readonly status: 400 | 401 | 429 | 500 | 502 | 503 | 504 | number;
  /** OAuth error, e.g. `invalid_client`. */
  readonly error: string;
  /** AADSTS number, e.g. 7000215 (omit for errors without one). */
  readonly code?: number;
  readonly description: string;
  /** MSAL maps `bad_token` and friends to InteractionRequiredAuthError. */
  readonly suberror?: string;
}

/** `2026-11-28 03:25:00Z`, the timestamp format of Entra's error answers. */
function entraTimestamp(now: number): string {
  return `${new Date(now).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** Entra's token-endpoint error body. */
export function entraErrorBody(problem: EntraProblem, ids: EntraErrorIds) {
  const timestamp = entraTimestamp(ids.now);
  const prefix = problem.code !== undefined ? `AADSTS${problem.code}: ` : '';
  return {
    error: problem.error,
    error_description: `${prefix}${problem.description} Trace ID: ${ids.traceId} Correlation ID: ${ids.correlationId} Timestamp: ${timestamp}`,
    error_codes: problem.code !== undefined ? [problem.code] : [],
    timestamp,
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    ...(problem.code !== undefined
      ? { error_uri: `https://login.microsoftonline.com/error?code=${problem.code}` }
      : {}),
    ...(problem.suberror ? { suberror: problem.suberror } : {}),
  };
}

export function entraErrorReply(
  problem: EntraProblem,
  ids: EntraErrorIds,
  note?: SimLogNote,
  headers: Record<string, string> = {},
): SimReply {
  return jsonReply(
    problem.status,
    entraErrorBody(problem, ids),
    { 'cache-control': 'no-store', ...headers },
    note,
  );
}

/** `AADSTS900144`: a required parameter is missing. */
export function missingParameter(name: string): EntraProblem {
  return {
    status: 400,
    error: 'invalid_request',
    code: 900144,
    description: `The request body must contain the following parameter: '${name}'.`,
  };
}
