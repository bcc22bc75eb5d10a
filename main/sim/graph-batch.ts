import { faultHeaders, type FaultPlan } from './faults';
import { graphErrorBody, graphFaultBody } from './graph-error';
import type { GraphAnswer, GraphCall } from './graph';

/** Graph's limit on requests in one `$batch`. */
export const MAX_BATCH_REQUESTS = 20;

export interface BatchDeps {
  /** Answers one inner request as if it were sent alone (already authenticated). */
  answer(call: GraphCall): GraphAnswer;
  faults: FaultPlan;
  /**
   * Admits one inner request under the throttling model: status 0 means admitted (its headers are
   * added to the answer), anything else is the throttled answer. `key` identifies the request.
   */
  admit?(call: GraphCall): GraphAnswer & { key: string };
  /** Remembers a `Retry-After` sent for an inner request. */
  noteRetryAfter?(key: string, seconds: number): void;
}

interface InnerRequest {
  id: string;
  method: string;
  url: string;
  dependsOn: string[];
  body?: unknown;
}

type Validated = { ok: true; requests: InnerRequest[] } | { ok: false; message: string };

function validate(body: Buffer): Validated {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return { ok: false, message: 'Invalid batch payload: the body is not valid JSON.' };
  }
  const requests = (parsed as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) {
    return { ok: false, message: 'Invalid batch payload: "requests" must be a non-empty array.' };
  }
  if (requests.length > MAX_BATCH_REQUESTS) {
    return {
      ok: false,
      message: `Invalid batch payload: the number of requests (${requests.length}) exceeds the limit of ${MAX_BATCH_REQUESTS}.`,
    };
  }
  const out: InnerRequest[] = [];
  const seen = new Set<string>();
  for (const raw of requests) {
    const r = raw as Record<string, unknown> | null;
    const id = r?.id;
    if (
      typeof id !== 'string' ||
      id === '' ||
      typeof r?.method !== 'string' ||
      typeof r.url !== 'string'
    ) {
      return {
        ok: false,
        message: 'Invalid batch payload: every request needs a string "id", "method" and "url".',
      };
    }
    if (seen.has(id))
      return { ok: false, message: `Invalid batch payload: the request id '${id}' is used twice.` };
    seen.add(id);
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) {
      return {
        ok: false,
        message: `Invalid batch payload: "dependsOn" of request '${id}' must be an array of ids.`,
      };
    }
    out.push({
      id,
      method: r.method.toUpperCase(),
      url: r.url,
      dependsOn: dependsOn as string[],
      body: r.body,
    });
  }
  for (const r of out) {
    const unknown = r.dependsOn.find((d) => !seen.has(d));
    if (unknown !== undefined) {
      return {
        ok: false,
        message: `Invalid batch payload: request '${r.id}' depends on unknown request '${unknown}'.`,
      };
    }
  }
  return { ok: true, requests: out };
}

/**
 * `POST /{version}/$batch`: runs the inner requests (respecting `dependsOn`) and answers 200 with
 * one response per request, in request order. Inner URLs are relative to the version
 * (`/users?$top=1`); a URL that repeats `/v1.0/` or `/beta/` gets Graph's per-item 400, as the
 * real service does. Inner requests meet `status` faults individually.
 */
export function runBatch(outer: GraphCall, deps: BatchDeps): GraphAnswer {
  const checked = validate(outer.body);
  if (!checked.ok) {
    return {
      status: 400,
      headers: {},
      body: graphErrorBody('BadRequest', checked.message, outer.errorIds),
    };
  }
  const results = new Map<
    string,
    { id: string; status: number; headers: Record<string, string>; body?: unknown }
  >();
  const pending = [...checked.requests];
  while (pending.length > 0) {
    const readyIndex = pending.findIndex((r) => r.dependsOn.every((d) => results.has(d)));
    if (readyIndex === -1) {
      return {
        status: 400,
        headers: {},
        body: graphErrorBody(
          'BadRequest',
          'Invalid batch payload: "dependsOn" forms a cycle.',
          outer.errorIds,
        ),
      };
    }
    const [request] = pending.splice(readyIndex, 1);
    if (!request) break;
    results.set(request.id, { id: request.id, ...runOne(outer, request, results, deps) });
  }
  return {
    status: 200,
    headers: {},
    body: { responses: checked.requests.map((r) => results.get(r.id)) },
  };
}

function runOne(
  outer: GraphCall,
  request: InnerRequest,
  done: Map<string, { status: number }>,
  deps: BatchDeps,
): { status: number; headers: Record<string, string>; body?: unknown } {
  const json = { 'content-type': 'application/json' };
  const failedDependency = request.dependsOn.find((d) => {
    const status = done.get(d)?.status ?? 0;
    return status < 200 || status >= 300;
  });
  if (failedDependency !== undefined) {
    return {
      status: 424,
      headers: json,
      body: graphErrorBody(
        'FailedDependency',
        `Request '${failedDependency}' failed.`,
        outer.errorIds,
      ),
    };
  }
  const url = request.url.replace(/^\/+/, '');
  const segment = /^(v1\.0|beta)(\/|$)/i.exec(url)?.[1];
  if (segment || /^[a-z]+:\/\//i.test(url)) {
    const message = segment
      ? `Resource not found for the segment '${segment}'.`
      : 'Invalid request URL.';
    return {
      status: 400,
      headers: json,
      body: graphErrorBody('BadRequest', message, outer.errorIds),
    };
  }
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : url.slice(q + 1));
  let resource: string;
  try {
    resource = rawPath
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s))
      .join('/');
  } catch {
    return {
      status: 400,
      headers: json,
      body: graphErrorBody('BadRequest', 'Invalid request URL.', outer.errorIds),
    };
  }

  if (resource.toLowerCase() === '$batch') {
    return {
      status: 400,
      headers: json,
      body: graphErrorBody(
        'BadRequest',
        'A batch request cannot contain another batch request.',
        outer.errorIds,
      ),
    };
  }

  const call: GraphCall = {
    ...outer,
    method: request.method,
    resource,
    params,
    body: Buffer.from(request.body === undefined ? '' : JSON.stringify(request.body)),
  };
  const admitted = deps.admit?.(call);
  if (admitted && admitted.status !== 0) {
    return {
      status: admitted.status,
      headers: { ...json, ...admitted.headers },
      body: admitted.body,
    };
  }
  const fault = deps.faults.take(request.method, `/${outer.version}/${rawPath}`, ['status']);
  if (fault) {
    if (admitted && fault.retryAfter !== undefined) {
      deps.noteRetryAfter?.(admitted.key, fault.retryAfter);
    }
    return {
      status: fault.status,
      headers: { ...json, ...faultHeaders(fault) },
      body: graphFaultBody(fault.status, outer.errorIds),
    };
  }
  const answer = deps.answer(call);
  return {
    status: answer.status,
    headers: { ...json, ...answer.headers, ...admitted?.headers },
    ...(answer.body !== undefined ? { body: answer.body } : {}),
  };
}
