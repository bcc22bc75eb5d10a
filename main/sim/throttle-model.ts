import {
  BUCKET_LIMITS,
  bucketOf,
  directoryCapacity,
  resourceUnitCost,
  type ThrottleBucket,
} from '../../shared/graph/throttle-limits';

/** A request the simulator held back because the client came back before `Retry-After` ended. */
export interface EarlyRetry {
  /** `METHOD /version/path?query` */
  readonly request: string;
  /** Milliseconds before the end of the announced wait. */
  readonly earlyByMs: number;
}

export type Admission =
  | { readonly ok: true; readonly headers: Record<string, string>; release(): void }
  | {
      readonly ok: false;
      readonly headers: Record<string, string>;
      /** Seconds announced in `Retry-After`; absent where Graph sends none. */
      readonly retryAfter?: number;
      readonly early?: boolean;
    };

export interface ThrottleModelOptions {
  /** Users in the tenant: sets the directory bucket's size. */
  readonly users: number;
  readonly tenantId: string;
  readonly now: () => number;
}

interface Bucket {
  tokens: number;
  updated: number;
  inFlight: number;
}

/**
 * Microsoft Graph's throttling as the simulator enforces it: a token bucket per throttling bucket
 * (directory resource units, reports, Conditional Access and Identity Protection, security), the
 * security bucket's concurrency limit, `x-ms-throttle-*` headers, `Retry-After` where Graph sends
 * it, and detection of clients that retry before `Retry-After` has passed.
 */
export class ThrottleModel {
  readonly earlyRetries: EarlyRetry[] = [];
  private readonly buckets = new Map<ThrottleBucket, Bucket>();
  private readonly notBefore = new Map<string, number>();
  private readonly directoryCapacity: number;

  constructor(private readonly options: ThrottleModelOptions) {
    this.directoryCapacity = directoryCapacity(options.users);
  }

  /** Remembers that this request was told to wait (also used for injected faults). */
  noteRetryAfter(request: string, seconds: number): void {
    this.notBefore.set(request, this.options.now() + seconds * 1000);
  }

  /** Whether this request comes back too early; records it when it does. */
  checkEarly(request: string): number | undefined {
    const until = this.notBefore.get(request);
    if (until === undefined) return undefined;
    const now = this.options.now();
    if (now >= until) {
      this.notBefore.delete(request);
      return undefined;
    }
    this.earlyRetries.push({ request, earlyByMs: until - now });
    return Math.ceil((until - now) / 1000);
  }

  private limit(bucket: ThrottleBucket) {
    return bucket === 'directory'
      ? { ...BUCKET_LIMITS.directory, capacity: this.directoryCapacity }
      : BUCKET_LIMITS[bucket];
  }

  private state(bucket: ThrottleBucket): Bucket {
    const now = this.options.now();
    const limit = this.limit(bucket);
    let state = this.buckets.get(bucket);
    if (!state) {
      state = { tokens: limit.capacity, updated: now, inFlight: 0 };
      this.buckets.set(bucket, state);
    }
    const refill = ((now - state.updated) / 1000) * (limit.capacity / limit.windowSeconds);
    state.tokens = Math.min(limit.capacity, state.tokens + refill);
    state.updated = now;
    return state;
  }

  /**
   * Admits or throttles one request. `request` is its `METHOD /version/path?query` key, `path` the
   * versioned path. An admitted request must be released once answered.
   */
  admit(request: string, path: string, query: URLSearchParams): Admission {
    const bucket = bucketOf(path);
    const limit = this.limit(bucket);
    const scope = `Tenant_Application/Read/${this.options.tenantId}`;
    const early = this.checkEarly(request);
    if (early !== undefined) {
      return {
        ok: false,
        early: true,
        retryAfter: early,
        headers: { 'retry-after': String(early), 'x-ms-throttle-scope': scope },
      };
    }
    const state = this.state(bucket);
    const cost = bucket === 'directory' ? resourceUnitCost(path, query) : 1;
    const overConcurrency = limit.concurrency !== undefined && state.inFlight >= limit.concurrency;
    if (overConcurrency || state.tokens < cost) {
      const rate = limit.capacity / limit.windowSeconds;
      const seconds = overConcurrency ? 1 : Math.max(1, Math.ceil((cost - state.tokens) / rate));
      const headers: Record<string, string> = {
        'x-ms-throttle-scope': scope,
        'x-ms-throttle-information':
          bucket === 'directory' ? 'ResourceUnitLimitExceeded' : 'RequestLimitExceeded',
      };
      if (!limit.retryAfter) return { ok: false, headers };
      this.noteRetryAfter(request, seconds);
      return {
        ok: false,
        retryAfter: seconds,
        headers: { ...headers, 'retry-after': String(seconds) },
      };
    }
    state.tokens -= cost;
    state.inFlight += 1;
    const headers: Record<string, string> = {};
    if (bucket === 'directory') headers['x-ms-resource-unit'] = String(cost);
    const used = 1 - state.tokens / limit.capacity;
    if (used >= 0.8) headers['x-ms-throttle-limit-percentage'] = used.toFixed(1);
    let released = false;
    return {
      ok: true,
      headers,
      release: () => {
        if (released) return;
        released = true;
        state.inFlight -= 1;
      },
    };
  }
}

/** The key the model uses for one request: method, versioned path and sorted query. */
export function requestKey(method: string, path: string, query: URLSearchParams): string {
  const sorted = [...query.entries()].sort(([a], [b]) => a.localeCompare(b));
  const q = new URLSearchParams(sorted).toString();
  return `${method.toUpperCase()} ${path}${q ? `?${q}` : ''}`;
}
