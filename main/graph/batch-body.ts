/** Graph's limit on requests in one `$batch`. */
export const MAX_BATCH_REQUESTS = 20;

export interface BatchItem {
  readonly id: string;
  /** Relative to the version: `/users?$top=999` (never `/v1.0/users`). */
  readonly url: string;
}

export interface BatchItemResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

/**
 * The JSON body of `POST /{version}/$batch` for GET requests. Built here rather than with the
 * Graph client's `BatchRequestContent`, which keeps the version in inner URLs.
 */
export function batchBody(items: readonly BatchItem[]): { requests: object[] } {
  if (items.length === 0 || items.length > MAX_BATCH_REQUESTS) {
    throw new RangeError(`a batch holds 1 to ${MAX_BATCH_REQUESTS} requests, not ${items.length}`);
  }
  return {
    requests: items.map((item) => {
      if (!item.url.startsWith('/') || /^\/(v1\.0|beta)(\/|$)/i.test(item.url)) {
        throw new RangeError(`batch URL must be relative to the version: ${item.url}`);
      }
      return { id: item.id, method: 'GET', url: item.url };
    }),
  };
}

/** The version-relative URL of an absolute Graph URL (`https://graph.microsoft.com/v1.0/x?y`). */
export function relativeUrl(absolute: string): { version: string; url: string } {
  const match = /^https:\/\/[^/]+\/(v1\.0|beta)(\/.*)$/i.exec(absolute);
  if (!match) throw new RangeError(`not a Graph URL: ${absolute}`);
  return { version: match[1]!, url: match[2]! };
}

/** Reads the answer to a `$batch`: one response per id, or undefined when it is not one. */
export function readBatchResponse(body: unknown): Map<string, BatchItemResponse> | undefined {
  const responses = (body as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(responses)) return undefined;
  const out = new Map<string, BatchItemResponse>();
  for (const raw of responses) {
    const r = raw as { id?: unknown; status?: unknown; headers?: unknown; body?: unknown } | null;
    if (typeof r?.id !== 'string' || typeof r.status !== 'number') return undefined;
    const headers: Record<string, string> = {};
    if (typeof r.headers === 'object' && r.headers !== null) {
      for (const [k, v] of Object.entries(r.headers)) {
        if (typeof v === 'string') headers[k.toLowerCase()] = v;
      }
    }
    out.set(r.id, { id: r.id, status: r.status, headers, body: r.body });
  }
  return out;
}
