import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  ResponseType,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { SourceError } from '../../shared/models/snapshot';
import { classifyHttpError, classifyTransportError } from './classify-error';

export const GRAPH_BASE = 'https://graph.microsoft.com';

export type GraphResult<T> = { ok: true; data: T } | { ok: false; error: SourceError };

export interface GraphGatewayOptions {
  readonly getAccessToken: () => Promise<string>;
  /**
   * The last middleware of the Graph client's chain: the one that performs HTTP. Production uses
   * the client's own `HTTPMessageHandler`; the tenant simulator plugs in here.
   */
  readonly transport?: Middleware;
  /** Seconds to wait before retrying a 429/503/504 without `Retry-After`. */
  readonly retryDelaySeconds?: number;
  readonly maxRetries?: number;
  /** Per-request timeout. */
  readonly timeoutMs?: number;
  /** Upper bound on pages followed for one collection. */
  readonly maxPages?: number;
}

/** Raised when the caller cancelled; never turned into a verdict. */
export class CancelledError extends Error {
  constructor() {
    super('The scan was cancelled.');
    this.name = 'CancelledError';
  }
}

export interface GraphQuery {
  readonly select?: readonly string[];
  readonly expand?: string;
  readonly filter?: string;
  readonly top?: number;
  /** API version; v1.0 unless a setting exists only in beta. */
  readonly version?: 'v1.0' | 'beta';
}

function withQuery(path: string, query: GraphQuery = {}): string {
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

/**
 * Read-only access to Microsoft Graph through the official client: its authentication and retry
 * middleware, typed errors instead of exceptions, and paging.
 */
export class GraphGateway {
  private readonly client: Client;
  private readonly timeoutMs: number;
  private readonly maxPages: number;
  /** Requests sent, including retries done by the client (counted by the transport). */
  requestCount = 0;
  /** A sign-in failure stops the whole scan; it is re-thrown as it was, not as a source error. */
  private signInFailure: unknown;

  constructor(options: GraphGatewayOptions) {
    const counter: Middleware = {
      execute: async (context) => {
        this.requestCount += 1;
        await next.execute(context);
      },
    };
    const next: Middleware = options.transport ?? new HTTPMessageHandler();
    this.client = Client.initWithMiddleware({
      middleware: [
        new AuthenticationHandler({
          getAccessToken: async () => {
            try {
              return await options.getAccessToken();
            } catch (error) {
              this.signInFailure = error;
              throw error;
            }
          },
        }),
        new RetryHandler(
          new RetryHandlerOptions(options.retryDelaySeconds ?? 3, options.maxRetries ?? 3),
        ),
        counter,
      ],
      defaultVersion: 'v1.0',
    });
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxPages = options.maxPages ?? 5_000;
  }

  /** GET one resource (an entity, or the first page of a collection). */
  async get(path: string, query?: GraphQuery, signal?: AbortSignal): Promise<GraphResult<unknown>> {
    return this.send(withQuery(path, query), signal);
  }

  /**
   * POST a JSON body. The app writes nothing to the tenant: this exists ONLY for the one documented
   * exception, creating an audit log search (`POST /security/auditLog/queries`), which Graph models
   * as a POST although it reads. Retries and errors work as for GET.
   */
  async post(path: string, body: unknown, signal?: AbortSignal): Promise<GraphResult<unknown>> {
    return this.send(withQuery(path), signal, { body });
  }

  /** GET a whole collection, following `@odata.nextLink`. */
  async getAll(
    path: string,
    query?: GraphQuery,
    signal?: AbortSignal,
  ): Promise<GraphResult<unknown[]>> {
    const items: unknown[] = [];
    let url: string | undefined = withQuery(path, query);
    for (let page = 0; url !== undefined; page += 1) {
      if (page >= this.maxPages) {
        return {
          ok: false,
          error: { kind: 'invalid_response', message: `more than ${this.maxPages} pages; stopped` },
        };
      }
      const result = await this.send(url, signal);
      if (!result.ok) return result;
      if (!isCollectionPage(result.data)) {
        return {
          ok: false,
          error: { kind: 'invalid_response', message: 'expected a collection ("value" array)' },
        };
      }
      items.push(...result.data.value);
      const nextLink = result.data['@odata.nextLink'];
      if (nextLink === undefined) break;
      if (typeof nextLink !== 'string' || !nextLink.startsWith(`${GRAPH_BASE}/`)) {
        return {
          ok: false,
          error: { kind: 'invalid_response', message: 'next page link is not a Graph URL' },
        };
      }
      url = nextLink;
    }
    return { ok: true, data: items };
  }

  private async send(
    url: string,
    signal?: AbortSignal,
    post?: { readonly body: unknown },
  ): Promise<GraphResult<unknown>> {
    if (signal?.aborted) throw new CancelledError();
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    try {
      const request = this.client
        .api(url)
        .responseType(ResponseType.RAW)
        .options({ signal: combined });
      response = (await (post ? request.post(post.body) : request.get())) as Response;
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      if (this.signInFailure !== undefined) throw this.signInFailure;
      return { ok: false, error: classifyTransportError(error, timeout.aborted) };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new CancelledError();
      return { ok: false, error: classifyTransportError(error, timeout.aborted) };
    }
    let body: unknown;
    try {
      body = text.length ? JSON.parse(text) : undefined;
    } catch {
      if (!response.ok) return { ok: false, error: classifyHttpError(response.status, undefined) };
      return {
        ok: false,
        error: {
          kind: 'invalid_response',
          status: response.status,
          message: 'the answer was not valid JSON',
        },
      };
    }
    if (!response.ok) return { ok: false, error: classifyHttpError(response.status, body) };
    if (body === undefined) {
      return {
        ok: false,
        error: { kind: 'invalid_response', status: response.status, message: 'empty answer' },
      };
    }
    return { ok: true, data: body };
  }
}
