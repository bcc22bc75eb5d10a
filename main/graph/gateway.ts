import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  HTTPMessageHandler,
  ResponseType,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { SourceError } from '../../shared/models/snapshot';
import { batchBody, MAX_BATCH_REQUESTS, readBatchResponse, relativeUrl } from './batch-body';
import { CancelledError } from './cancelled';
import { classifyHttpError, classifyTransportError } from './classify-error';
import { sleep, ThrottlePacer, type Release } from './pacer';
import { backoffMs, parseRetryAfter } from './retry-after';
import { StringPool } from './string-pool';
import { TokenSupply, type GetAccessToken } from './token-supply';

export { CancelledError } from './cancelled';

export const GRAPH_BASE = 'https://graph.microsoft.com';

export type GraphResult<T> = { ok: true; data: T } | { ok: false; error: SourceError };

/** A pause the gateway is about to take, for progress reporting. */
export interface GraphWait {
  readonly seconds: number;
  /** Plain words: why we wait and what we were reading. */
  readonly label: string;
}

export interface GraphRetryOptions {
  /** First backoff step (ms) when Graph gives no `Retry-After`; doubles per attempt. */
  readonly baseDelayMs?: number;
  /** Longest single wait (ms), also for a `Retry-After` Graph announces. */
  readonly maxDelayMs?: number;
  /** Attempts per request, the first one included. */
  readonly maxAttempts?: number;
  /** Retries allowed for the whole gateway (one scan). */
  readonly budget?: number;
}

export interface GraphGatewayOptions {
  /** Pass `options` on: after an expired-token answer the gateway asks for a forced refresh. */
  readonly getAccessToken: GetAccessToken;
  /**
   * The last middleware of the Graph client's chain: the one that performs HTTP. Production uses
   * the client's own `HTTPMessageHandler`; the tenant simulator plugs in here.
   */
  readonly transport?: Middleware;
  /** Seconds to wait before retrying a 429/503/504 without `Retry-After` (first step). */
  readonly retryDelaySeconds?: number;
  /** Retries per request after the first attempt. */
  readonly maxRetries?: number;
  readonly retry?: GraphRetryOptions;
  /** Per-request timeout. */
  readonly timeoutMs?: number;
  /** Upper bound on pages followed for one collection. */
  readonly maxPages?: number;
  /** Pace requests per Graph throttling bucket (default on). */
  readonly pacing?: boolean;
  /** Hears about every wait of a second or more. */
  readonly onWait?: (wait: GraphWait) => void;
  /** Jitter source; `Math.random` by default. */
  readonly random?: () => number;
}

export interface GraphQuery {
  readonly select?: readonly string[];
  readonly expand?: string;
  readonly filter?: string;
  readonly top?: number;
  /** API version; v1.0 unless a setting exists only in beta. */
  readonly version?: 'v1.0' | 'beta';
}

/** One GET in a group sent together (`getMany`). */
export interface GraphRead {
  readonly path: string;
  readonly query?: GraphQuery;
  /** What is read, in plain words ("your user accounts"), for wait messages. */
  readonly label?: string;
}

export function graphUrl(path: string, query: GraphQuery = {}): string {
  const params: string[] = [];
  if (query.select?.length) params.push(`$select=${query.select.join(',')}`);
  if (query.expand) params.push(`$expand=${query.expand}`);
  if (query.filter) params.push(`$filter=${encodeURIComponent(query.filter)}`);
  if (query.top) params.push(`$top=${query.top}`);
  const base = `${GRAPH_BASE}/${query.version ?? 'v1.0'}${path}`;
  return params.length ? `${base}?${params.join('&')}` : base;
}

function isCollectionPage(
  body: unknown,
): body is { value: unknown[]; '@odata.nextLink'?: unknown } {
  return (
    typeof body === 'object' && body !== null && Array.isArray((body as { value?: unknown }).value)
  );
}

/** One attempt's outcome, before retry decisions. */
type Attempt =
  | {
      kind: 'answer';
      status: number;
      headers: Headers | Record<string, string>;
      body: unknown;
      /** The bearer token the attempt sent, when known (to replace it if Graph rejected it). */
      token?: string;
    }
  | { kind: 'unreadable'; status: number; headers: Headers | Record<string, string> }
  | { kind: 'transport'; error: unknown; timedOut: boolean };

const RETRY_STATUSES = new Set([429, 503, 504]);

/** Answers longer than this share their repeated strings (a page of users, sign-ins, …). */
const LARGE_BODY_CHARS = 256 * 1024;

function headerOf(headers: Headers | Record<string, string>, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  return headers[name.toLowerCase()];
}

function isExpiredToken(attempt: Attempt): boolean {
  if (attempt.kind !== 'answer' || attempt.status !== 401) return false;
  const code = (attempt.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return code === 'InvalidAuthenticationToken';
}

function retryable(attempt: Attempt): boolean {
  if (attempt.kind === 'transport') return true;
  if (attempt.kind === 'unreadable') return attempt.status >= 200 && attempt.status < 300;
  return RETRY_STATUSES.has(attempt.status);
}

function toResult(attempt: Attempt): GraphResult<unknown> {
  if (attempt.kind === 'transport') {
    return { ok: false, error: classifyTransportError(attempt.error, attempt.timedOut) };
  }
  if (attempt.kind === 'unreadable') {
    if (attempt.status < 200 || attempt.status >= 300) {
      return { ok: false, error: classifyHttpError(attempt.status, undefined) };
    }
    return {
      ok: false,
      error: {
        kind: 'invalid_response',
        status: attempt.status,
        message: 'the answer was not valid JSON',
      },
    };
  }
  if (attempt.status < 200 || attempt.status >= 300) {
    return { ok: false, error: classifyHttpError(attempt.status, attempt.body) };
  }
  if (attempt.body === undefined) {
    return {
      ok: false,
      error: { kind: 'invalid_response', status: attempt.status, message: 'empty answer' },
    };
  }
  return { ok: true, data: attempt.body };
}

/**
 * Read-only access to Microsoft Graph through the official client (its authentication middleware
 * and HTTP seam): typed errors instead of exceptions, paging, `$batch`, pacing per throttling
 * bucket, and retries that honour `Retry-After` within a budget.
 */
export class GraphGateway {
  private readonly client: Client;
  private readonly timeoutMs: number;
  private readonly maxPages: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxAttempts: number;
  private readonly pacer: ThrottlePacer | undefined;
  private readonly random: () => number;
  private readonly onWait: ((wait: GraphWait) => void) | undefined;
  private retriesLeft: number;
  /** Shares repeated values (plan ids, statuses, dates) across large collections. */
  private readonly strings = new StringPool();
  private batchIds = 0;
  /** HTTP requests sent (a `$batch` counts once). */
  requestCount = 0;
  /** Reads that went inside a `$batch`. */
  batchedReads = 0;
  /** Retries spent. */
  retries = 0;
  /** A sign-in failure stops the whole scan; it is re-thrown as it was, not as a source error. */
  private signInFailure: unknown;
  private readonly tokens: TokenSupply;

  constructor(options: GraphGatewayOptions) {
    const counter: Middleware = {
      execute: async (context) => {
        this.requestCount += 1;
        await next.execute(context);
      },
    };
    const next: Middleware = options.transport ?? new HTTPMessageHandler();
    this.tokens = new TokenSupply(options.getAccessToken);
    this.client = Client.initWithMiddleware({
      // Each attempt brings its own provider (`attempt`); this one serves any other request.
      middleware: [
        new AuthenticationHandler({ getAccessToken: () => this.bearer(undefined) }),
        counter,
      ],
      defaultVersion: 'v1.0',
    });
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxPages = options.maxPages ?? 5_000;
    this.baseDelayMs = options.retry?.baseDelayMs ?? (options.retryDelaySeconds ?? 1) * 1000;
    this.maxDelayMs = options.retry?.maxDelayMs ?? 120_000;
    this.maxAttempts =
      options.retry?.maxAttempts ?? (options.maxRetries !== undefined ? options.maxRetries + 1 : 6);
    this.retriesLeft = options.retry?.budget ?? 200;
    this.pacer = options.pacing === false ? undefined : new ThrottlePacer();
    this.random = options.random ?? Math.random;
    this.onWait = options.onWait;
  }

  /** GET one resource (an entity, or the first page of a collection). */
  async get(
    path: string,
    query?: GraphQuery,
    signal?: AbortSignal,
    label?: string,
  ): Promise<GraphResult<unknown>> {
    return this.send(graphUrl(path, query), signal, label);
  }

  /** GET an absolute Graph URL as it is (a next-page link). */
  async getUrl(url: string, signal?: AbortSignal, label?: string): Promise<GraphResult<unknown>> {
    if (!url.startsWith(`${GRAPH_BASE}/`)) {
      return { ok: false, error: { kind: 'invalid_response', message: 'not a Graph URL' } };
    }
    return this.send(url, signal, label);
  }

  /**
   * POST a JSON body. The app writes nothing to the tenant: this exists ONLY for the one documented
   * exception, creating an audit log search (`POST /security/auditLog/queries`), which Graph models
   * as a POST although it reads. Retries and errors work as for GET.
   */
  async post(path: string, body: unknown, signal?: AbortSignal): Promise<GraphResult<unknown>> {
    return this.send(graphUrl(path), signal, undefined, { body });
  }

  /** GET a whole collection, following `@odata.nextLink`. */
  async getAll(
    path: string,
    query?: GraphQuery,
    signal?: AbortSignal,
    label?: string,
  ): Promise<GraphResult<unknown[]>> {
    const first = await this.send(graphUrl(path, query), signal, label);
    if (!first.ok) return first;
    return this.restOfCollection(first.data, signal, label);
  }

  /**
   * The whole collection whose first page is `firstPage`: its items, then every next page in
   * turn (a page chain is sequential by nature).
   */
  async restOfCollection(
    firstPage: unknown,
    signal?: AbortSignal,
    label?: string,
  ): Promise<GraphResult<unknown[]>> {
    const items: unknown[] = [];
    let page: unknown = firstPage;
    for (let pages = 1; ; pages += 1) {
      if (!isCollectionPage(page)) {
        return {
          ok: false,
          error: { kind: 'invalid_response', message: 'expected a collection ("value" array)' },
        };
      }
      for (const item of page.value) items.push(item);
      const nextLink = page['@odata.nextLink'];
      if (nextLink === undefined) return { ok: true, data: items };
      if (typeof nextLink !== 'string' || !nextLink.startsWith(`${GRAPH_BASE}/`)) {
        return {
          ok: false,
          error: { kind: 'invalid_response', message: 'next page link is not a Graph URL' },
        };
      }
      if (pages >= this.maxPages) {
        return {
          ok: false,
          error: { kind: 'invalid_response', message: `more than ${this.maxPages} pages; stopped` },
        };
      }
      const next = await this.send(nextLink, signal, label);
      if (!next.ok) return next;
      page = next.data;
    }
  }

  /**
   * Several independent GETs (entities or first pages), sent in `$batch` requests of at most 20
   * where pacing allows, the rest one by one. Items Graph throttled or could not serve inside a
   * batch are retried on their own after the wait Graph asked for. Results come back in order.
   */
  getMany(reads: readonly GraphRead[], signal?: AbortSignal): Promise<GraphResult<unknown>>[] {
    if (signal?.aborted) throw new CancelledError();
    const urls = reads.map((r) => graphUrl(r.path, r.query));
    const results: Promise<GraphResult<unknown>>[] = [];
    const batched = new Map<string, { index: number; release: Release }[]>();
    for (const [index, url] of urls.entries()) {
      const release = this.pacer ? this.pacer.tryAcquire(url) : () => {};
      if (!release) {
        results[index] = this.send(url, signal, reads[index]?.label);
        continue;
      }
      const { version } = relativeUrl(url);
      const group = batched.get(version) ?? [];
      group.push({ index, release });
      batched.set(version, group);
    }
    for (const [version, group] of batched) {
      if (group.length === 1) {
        // One read gains nothing from a batch.
        const { index, release } = group[0]!;
        results[index] = this.send(urls[index]!, signal, reads[index]?.label, undefined, release);
        continue;
      }
      for (let start = 0; start < group.length; start += MAX_BATCH_REQUESTS) {
        const chunk = group.slice(start, start + MAX_BATCH_REQUESTS);
        const answers = this.sendBatch(version, chunk, urls, reads, signal);
        for (const [i, { index }] of chunk.entries()) results[index] = answers[i]!;
      }
    }
    return results;
  }

  private sendBatch(
    version: string,
    chunk: readonly { index: number; release: Release }[],
    urls: readonly string[],
    reads: readonly GraphRead[],
    signal: AbortSignal | undefined,
  ): Promise<GraphResult<unknown>>[] {
    const ids = chunk.map(() => String((this.batchIds += 1)));
    const body = batchBody(
      chunk.map(({ index }, i) => ({ id: ids[i]!, url: relativeUrl(urls[index]!).url })),
    );
    const outer = this.send(`${GRAPH_BASE}/${version}/$batch`, signal, undefined, { body }).finally(
      () => chunk.forEach(({ release }) => release()),
    );
    return chunk.map(async ({ index }, i) => {
      const result = await outer;
      const url = urls[index]!;
      const label = reads[index]?.label;
      const answer = result.ok ? readBatchResponse(result.data)?.get(ids[i]!) : undefined;
      // The batch as a whole failed: read this one on its own.
      if (!answer) return this.send(url, signal, label);
      this.batchedReads += 1;
      const attempt: Attempt = { kind: 'answer', ...answer };
      if (!retryable(attempt) && !isExpiredToken(attempt)) return toResult(attempt);
      return this.retryAfterFailure(url, attempt, 1, signal, label);
    });
  }

  private async send(
    url: string,
    signal: AbortSignal | undefined,
    label: string | undefined,
    post?: { readonly body: unknown },
    alreadyPaced?: Release,
  ): Promise<GraphResult<unknown>> {
    if (signal?.aborted) throw new CancelledError();
    const release = alreadyPaced ?? (await this.pace(url, signal, label));
    let attempt: Attempt;
    try {
      attempt = await this.attempt(url, signal, post);
    } finally {
      release();
    }
    if (!retryable(attempt) && !isExpiredToken(attempt)) return toResult(attempt);
    return this.retryAfterFailure(url, attempt, 1, signal, label, post);
  }

  /** Retries a request whose attempt number `attempts` failed in a retryable way. */
  private async retryAfterFailure(
    url: string,
    failed: Attempt,
    attempts: number,
    signal: AbortSignal | undefined,
    label: string | undefined,
    post?: { readonly body: unknown },
  ): Promise<GraphResult<unknown>> {
    let attempt = failed;
    let expiredTokenRetried = false;
    for (let n = attempts; ; n += 1) {
      const expired = isExpiredToken(attempt);
      if (expired && expiredTokenRetried) return toResult(attempt);
      if (!expired && !retryable(attempt)) return toResult(attempt);
      if (n >= this.maxAttempts || this.retriesLeft <= 0) return toResult(attempt);
      this.retriesLeft -= 1;
      this.retries += 1;
      let renew: { rejected: string | undefined } | undefined;
      if (expired) {
        // The token ran out mid-scan while the cache still holds it: retry with a fresh one.
        expiredTokenRetried = true;
        renew = { rejected: attempt.kind === 'answer' ? attempt.token : undefined };
      } else {
        const headers = attempt.kind === 'transport' ? undefined : attempt.headers;
        const announced = headers
          ? parseRetryAfter(headerOf(headers, 'retry-after'), Date.now())
          : undefined;
        const ms = Math.min(
          this.maxDelayMs,
          announced ?? backoffMs(n, this.baseDelayMs, this.maxDelayMs, this.random),
        );
        const throttled = attempt.kind === 'answer' && attempt.status === 429;
        if (throttled) this.pacer?.holdOff(url, ms);
        const what = label ?? 'data from Microsoft Graph';
        this.report(
          ms,
          throttled
            ? `Microsoft asked us to slow down while reading ${what}`
            : `Microsoft Graph did not answer properly while reading ${what}; trying again`,
        );
        // Waiting counts from when the answer arrived, so it is never shorter than asked.
        await sleep(ms + (announced !== undefined ? 5 : 0), signal);
      }
      const release = await this.pace(url, signal, label);
      try {
        attempt = await this.attempt(url, signal, post, renew);
      } finally {
        release();
      }
      if (!retryable(attempt) && !isExpiredToken(attempt)) return toResult(attempt);
    }
  }

  /**
   * The bearer token for one attempt: the current one, or with `renew` one that replaces the
   * token Graph rejected. A failure to get one is a sign-in failure.
   */
  private async bearer(renew: { rejected: string | undefined } | undefined): Promise<string> {
    try {
      return await (renew ? this.tokens.replacing(renew.rejected) : this.tokens.current());
    } catch (error) {
      this.signInFailure = error;
      throw error;
    }
  }

  private report(ms: number, label: string): void {
    if (ms >= 1000) this.onWait?.({ seconds: Math.round(ms / 100) / 10, label });
  }

  private async pace(
    url: string,
    signal: AbortSignal | undefined,
    label?: string,
  ): Promise<Release> {
    if (!this.pacer) return () => {};
    return this.pacer.acquire(url, signal, (ms, description) =>
      this.report(ms, label ? `${description}; reading ${label} next` : description),
    );
  }

  private async attempt(
    url: string,
    signal: AbortSignal | undefined,
    post?: { readonly body: unknown },
    renew?: { rejected: string | undefined },
  ): Promise<Attempt> {
    if (signal?.aborted) throw new CancelledError();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let token: string | undefined;
    const auth = new AuthenticationHandlerOptions({
      getAccessToken: async () => (token = await this.bearer(renew)),
    });
    let response: Response;
    try {
      const request = this.client
        .api(url)
        .responseType(ResponseType.RAW)
        .options({ signal: combined })
        .middlewareOptions([auth]);
      response = (await (post ? request.post(post.body) : request.get())) as Response;
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      if (this.signInFailure !== undefined) throw this.signInFailure;
      return { kind: 'transport', error, timedOut: timeout.aborted };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      return { kind: 'transport', error, timedOut: timeout.aborted };
    }
    try {
      return {
        kind: 'answer',
        status: response.status,
        headers: response.headers,
        ...(token !== undefined ? { token } : {}),
        body: text.length
          ? text.length > LARGE_BODY_CHARS
            ? JSON.parse(text, this.strings.reviver)
            : JSON.parse(text)
          : undefined,
      };
    } catch {
      return { kind: 'unreadable', status: response.status, headers: response.headers };
    }
  }
}
