import type { FixtureGraphResponse, TenantFixture } from '../../shared/fixture/tenant-fixture';
import { MALFORMED_BODY, faultHeaders, type FaultPlan } from './faults';
import { graphErrorBody, graphFaultBody, type GraphErrorIds } from './graph-error';
import { findByKey, parseKeySegment } from './alternate-key';
import { AuditQueryService } from './audit-queries';
import { runBatch } from './graph-batch';
import {
  applySelect,
  compileFilter,
  decodeSkipToken,
  encodeSkipToken,
  nextLinkQuery,
  pageOf,
  pageSize,
  parseODataQuery,
  type FilterPredicate,
  type ODataQuery,
} from './odata';
import type { SeededIds } from './seeded-ids';
import { header, type SimReply, type SimRequest } from './sim-http';
import type { TokenClaims, TokenService } from './tokens';
import { requestKey, type Admission, type ThrottleModel } from './throttle-model';

export interface GraphServiceOptions {
  readonly fixture: TenantFixture;
  readonly ids: SeededIds;
  readonly tokens: TokenService;
  readonly faults: FaultPlan;
  readonly now: () => number;
  /** Retry-After bookkeeping always; bucket limits when the model enforces them. */
  readonly throttle: ThrottleModel;
  /** Whether the throttling buckets are enforced (off: only early retries are detected). */
  readonly enforceThrottling: boolean;
}

/** An answer before it is written: the body is still a value (so `$batch` can embed it). */
export interface GraphAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** `undefined` means an empty body. */
  readonly body: unknown;
}

/** What one Graph call is about. */
export interface GraphCall {
  readonly method: string;
  readonly version: 'v1.0' | 'beta';
  /** Path after the version, decoded, without leading or trailing `/` (e.g. `users/abc`). */
  readonly resource: string;
  readonly params: URLSearchParams;
  /** `scheme://host` the client addressed, for links. */
  readonly origin: string;
  readonly body: Buffer;
  readonly errorIds: GraphErrorIds;
}

const VERSIONED = /^\/(v1\.0|beta)(?:\/(.*))?$/;

function decodePath(path: string): string | undefined {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s))
      .join('/');
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCollection(body: unknown): body is Record<string, unknown> & { value: unknown[] } {
  return isRecord(body) && Array.isArray(body.value);
}

const is2xx = (status: number) => status >= 200 && status < 300;

/** Microsoft Graph played from a fixture: lookup, item paths, `$select`, paging, errors, faults. */
export class GraphService {
  private readonly byKey = new Map<string, FixtureGraphResponse>();
  private readonly byLowerKey = new Map<string, FixtureGraphResponse>();
  private readonly auditQueries: AuditQueryService;

  constructor(private readonly options: GraphServiceOptions) {
    this.auditQueries = new AuditQueryService({ fixture: options.fixture, ids: options.ids });
    for (const [key, response] of Object.entries(options.fixture.graph)) {
      const normal = key.replace(/\/+$/, '');
      this.byKey.set(normal, response);
      this.byLowerKey.set(normal.toLowerCase(), response);
    }
  }

  handle(req: SimRequest): SimReply {
    const { ids, now } = this.options;
    const requestId = ids.nextGuid('graph-request');
    const clientRequestId = header(req, 'client-request-id');
    const errorIds: GraphErrorIds = {
      requestId,
      ...(clientRequestId ? { clientRequestId } : {}),
      date: new Date(now()).toISOString().slice(0, 19),
    };
    const baseHeaders = {
      'request-id': requestId,
      'client-request-id': clientRequestId ?? requestId,
    };
    let tokenId: string | undefined;
    const reply = (answer: GraphAnswer, authenticated: boolean): SimReply => ({
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers, ...baseHeaders },
      body: answer.body === undefined ? '' : JSON.stringify(answer.body),
      note: { authenticated, ...(authenticated && tokenId ? { tokenId } : {}) },
    });

    const match = VERSIONED.exec(req.path);
    const resource = decodePath(match?.[2] ?? '');
    if (!match || resource === undefined) {
      return reply(this.error(400, 'BadRequest', 'Invalid request URL.', errorIds), false);
    }

    const auth = this.authenticate(req, errorIds);
    if (!auth.ok) return reply(auth.answer, false);
    if (typeof auth.claims.uti === 'string') tokenId = auth.claims.uti;

    const version = match[1] as 'v1.0' | 'beta';
    const isBatch = req.method === 'POST' && resource.toLowerCase() === '$batch';
    const key = requestKey(req.method, `/${version}/${resource}`, req.query);
    const fault = this.options.faults.take(req.method, req.path);
    if (fault?.kind === 'expired-token') {
      // This token stays rejected: a client must come back with a new one, not the same again.
      this.options.tokens.expire(auth.claims);
      return reply(
        this.error(
          401,
          'InvalidAuthenticationToken',
          'Lifetime validation failed, the token is expired.',
          errorIds,
        ),
        true,
      );
    }
    let admission: Admission | undefined;
    if (!isBatch) {
      admission = this.admit(key, `/${version}/${resource}`, req.query);
      if (!admission.ok) return reply(this.throttled(admission, errorIds), true);
    }
    const release = admission?.ok ? admission.release : undefined;
    if (fault?.kind === 'status') {
      if (fault.retryAfter !== undefined)
        this.options.throttle.noteRetryAfter(key, fault.retryAfter);
      release?.();
      return reply(
        {
          status: fault.status,
          headers: faultHeaders(fault),
          body: graphFaultBody(fault.status, errorIds),
        },
        true,
      );
    }
    if (fault?.kind === 'timeout') {
      release?.();
      return { status: 0, headers: {}, body: '', delivery: 'hold', note: { authenticated: true } };
    }
    if (fault?.kind === 'malformed') {
      release?.();
      return {
        ...reply({ status: 200, headers: {}, body: undefined }, true),
        body: MALFORMED_BODY,
      };
    }

    const call: GraphCall = {
      method: req.method,
      version,
      resource,
      params: req.query,
      origin: req.origin,
      body: req.body,
      errorIds,
    };
    const releases: (() => void)[] = release ? [release] : [];
    const answer = isBatch ? this.batch(call, releases) : this.answer(call);
    const withHeaders =
      admission?.ok && Object.keys(admission.headers).length
        ? { ...answer, headers: { ...answer.headers, ...admission.headers } }
        : answer;
    const out = { ...reply(withHeaders, true), done: () => releases.forEach((r) => r()) };
    return fault?.kind === 'truncated' ? { ...out, delivery: 'truncate' } : out;
  }

  private admit(key: string, path: string, query: URLSearchParams): Admission {
    const { throttle, enforceThrottling } = this.options;
    if (enforceThrottling) return throttle.admit(key, path, query);
    // Without the model an early retry is only recorded (the test that made it fails on it).
    throttle.checkEarly(key);
    return { ok: true, headers: {}, release: () => {} };
  }

  private throttled(admission: Extract<Admission, { ok: false }>, ids: GraphErrorIds): GraphAnswer {
    return {
      status: 429,
      headers: admission.headers,
      body: graphFaultBody(429, ids),
    };
  }

  /** `$batch`: every inner request is admitted (and throttled) on its own. */
  private batch(call: GraphCall, releases: (() => void)[]): GraphAnswer {
    return runBatch(call, {
      answer: (inner) => this.answer(inner),
      faults: this.options.faults,
      admit: (inner) => {
        const path = `/${inner.version}/${inner.resource}`;
        const key = requestKey(inner.method, path, inner.params);
        const admission = this.admit(key, path, inner.params);
        if (admission.ok) {
          releases.push(admission.release);
          return { status: 0, headers: admission.headers, body: undefined, key };
        }
        return { ...this.throttled(admission, inner.errorIds), key };
      },
      noteRetryAfter: (key, seconds) => this.options.throttle.noteRetryAfter(key, seconds),
    });
  }

  /** Answers one authenticated call (also used for the requests inside `$batch`). */
  answer(call: GraphCall): GraphAnswer {
    if (call.method === 'POST' && call.resource.toLowerCase() === '$batch') {
      return this.batch(call, []);
    }
    const auditQuery = this.auditQueries.answer(call);
    if (auditQuery) return auditQuery;
    if (call.method === 'GET') return this.get(call);
    if (call.method === 'POST') {
      const stored = this.lookup(`POST /${call.version}/${call.resource}`);
      return stored ? this.stored(stored) : this.notFound(call);
    }
    return this.error(
      405,
      'Request_BadRequest',
      `The method '${call.method}' is not allowed.`,
      call.errorIds,
    );
  }

  private authenticate(
    req: SimRequest,
    errorIds: GraphErrorIds,
  ): { ok: true; claims: TokenClaims } | { ok: false; answer: GraphAnswer } {
    const authorization = header(req, 'authorization') ?? '';
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    let message: string | undefined;
    let claims: TokenClaims | undefined;
    if (!bearer) {
      message = 'Access token is empty.';
    } else {
      const check = this.options.tokens.verify(bearer);
      if (!check.ok) {
        message =
          check.reason === 'expired'
            ? 'Lifetime validation failed, the token is expired.'
            : check.reason === 'malformed'
              ? 'IDX14100: JWT is not well formed.'
              : 'Access token validation failure. Invalid audience or signature.';
      } else if (check.claims.tid.toLowerCase() !== this.options.fixture.tenant.id.toLowerCase()) {
        message = 'Access token validation failure. The token was issued for a different tenant.';
      } else if (check.claims.aud !== 'https://graph.microsoft.com') {
        message = 'Access token validation failure. Invalid audience.';
      } else {
        claims = check.claims;
      }
    }
    if (claims) return { ok: true, claims };
    const answer = this.error(
      401,
      'InvalidAuthenticationToken',
      message ?? 'Access token validation failure.',
      errorIds,
    );
    return {
      ok: false,
      answer: {
        ...answer,
        headers: {
          'www-authenticate':
            'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
        },
      },
    };
  }

  private lookup(key: string): FixtureGraphResponse | undefined {
    return this.byKey.get(key) ?? this.byLowerKey.get(key.toLowerCase());
  }

  private get(request: GraphCall): GraphAnswer {
    const keyed = this.resolveKeySegment(request);
    if (!('resource' in keyed)) return keyed;
    const call = keyed;
    const parsed = parseODataQuery(call.params);
    if (!parsed.ok) return this.error(400, 'BadRequest', parsed.message, call.errorIds);
    const query = parsed.value;
    let filter: FilterPredicate | undefined;
    if (query.filter !== undefined) {
      const compiled = compileFilter(query.filter);
      if (!compiled.ok) return this.error(400, 'BadRequest', compiled.message, call.errorIds);
      filter = compiled.value;
    }

    const key = `GET /${call.version}/${call.resource}`;
    const stored = this.lookup(key);
    if (stored) {
      if (is2xx(stored.status) && isCollection(stored.body)) {
        return this.page(call, key, stored, stored.body, query, filter);
      }
      if (is2xx(stored.status) && isRecord(stored.body)) {
        return this.entity(
          call,
          stored.status,
          stored.body,
          query,
          stored.headers,
          `${call.resource}/$entity`,
        );
      }
      return this.stored(stored);
    }
    return this.item(call, query);
  }

  /** `collection(appId='x')/…` read as `collection/{id}/…`, or the answer when there is no such item. */
  private resolveKeySegment(call: GraphCall): GraphCall | GraphAnswer {
    const key = parseKeySegment(call.resource);
    if (!key || this.lookup(`GET /${call.version}/${call.resource}`)) return call;
    const parent = this.lookup(`GET /${call.version}/${key.collection}`);
    if (parent && !is2xx(parent.status)) return this.stored(parent);
    const id = parent && isCollection(parent.body) ? findByKey(parent.body.value, key) : undefined;
    if (id === undefined) {
      return this.notFound(call, `${key.collection}(${key.property}='${key.value}')`);
    }
    return { ...call, resource: `${key.collection}/${id}${key.rest}` };
  }

  /** `GET …/collection/{id}` served from the stored collection. */
  private item(call: GraphCall, query: ODataQuery): GraphAnswer {
    const slash = call.resource.lastIndexOf('/');
    if (slash <= 0) return this.notFound(call);
    const parentPath = call.resource.slice(0, slash);
    const wanted = call.resource.slice(slash + 1).toLowerCase();
    const parent = this.lookup(`GET /${call.version}/${parentPath}`);
    if (!parent) return this.notFound(call);
    if (!is2xx(parent.status)) return this.stored(parent);
    if (!isCollection(parent.body)) return this.notFound(call);
    const found = parent.body.value.find(
      (item) =>
        isRecord(item) &&
        ((typeof item.id === 'string' && item.id.toLowerCase() === wanted) ||
          (typeof item.userPrincipalName === 'string' &&
            item.userPrincipalName.toLowerCase() === wanted)),
    );
    if (!isRecord(found)) return this.notFound(call, call.resource.slice(slash + 1));
    return this.entity(call, 200, found, query, undefined, `${parentPath}/$entity`);
  }

  private entity(
    call: GraphCall,
    status: number,
    body: Record<string, unknown>,
    query: ODataQuery,
    headers: Record<string, string> | undefined,
    contextPath: string,
  ): GraphAnswer {
    const selected = applySelect(body, query.select, query.expand);
    const context =
      body['@odata.context'] ?? `${call.origin}/${call.version}/$metadata#${contextPath}`;
    const { '@odata.context': _drop, ...rest } = selected;
    return { status, headers: headers ?? {}, body: { '@odata.context': context, ...rest } };
  }

  private page(
    call: GraphCall,
    key: string,
    stored: FixtureGraphResponse,
    body: Record<string, unknown> & { value: unknown[] },
    query: ODataQuery,
    filter: FilterPredicate | undefined,
  ): GraphAnswer {
    let offset = 0;
    if (query.skipToken !== undefined) {
      const decoded = decodeSkipToken(query.skipToken, key);
      if (decoded === undefined) {
        return this.error(
          400,
          'BadRequest',
          'The $skiptoken is invalid or has expired.',
          call.errorIds,
        );
      }
      offset = decoded;
    }
    const all = filter ? body.value.filter((item) => isRecord(item) && filter(item)) : body.value;
    const { page, nextOffset } = pageOf(all, offset, pageSize(query.top));
    const value = page.map((item) =>
      isRecord(item) ? applySelect(item, query.select, query.expand) : item,
    );

    const {
      value: _value,
      '@odata.nextLink': _next,
      '@odata.count': _count,
      '@odata.context': storedContext,
      ...rest
    } = body;
    const selectSuffix = query.select ? `(${query.select.join(',')})` : '';
    const out: Record<string, unknown> = {
      '@odata.context':
        storedContext ?? `${call.origin}/${call.version}/$metadata#${call.resource}${selectSuffix}`,
    };
    if (query.count) out['@odata.count'] = all.length;
    if (nextOffset !== undefined) {
      const token = encodeSkipToken(nextOffset, key);
      out['@odata.nextLink'] =
        `${call.origin}/${call.version}/${encodeResource(call.resource)}?${nextLinkQuery(call.params, token)}`;
    }
    Object.assign(out, rest, { value });
    return { status: stored.status, headers: stored.headers ?? {}, body: out };
  }

  private stored(stored: FixtureGraphResponse): GraphAnswer {
    return { status: stored.status, headers: stored.headers ?? {}, body: stored.body };
  }

  private notFound(call: GraphCall, what?: string): GraphAnswer {
    const name = what ?? call.resource.split('/').pop() ?? call.resource;
    return this.error(
      404,
      'Request_ResourceNotFound',
      `Resource '${name}' does not exist or one of its queried reference-property objects are not present.`,
      call.errorIds,
    );
  }

  private error(status: number, code: string, message: string, ids: GraphErrorIds): GraphAnswer {
    return { status, headers: {}, body: graphErrorBody(code, message, ids) };
  }
}

function encodeResource(resource: string): string {
  return resource
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/%(24|40|3A|2C)/gi, (m) => decodeURIComponent(m)))
    .join('/');
}
