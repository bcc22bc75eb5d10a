import {
  BUCKET_LIMITS,
  bucketOf,
  directoryCapacity,
  resourceUnitCost,
  type ThrottleBucket,
} from '../../shared/graph/throttle-limits';
import { CancelledError } from './cancelled';

export interface PacerOptions {
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  /** Users in the tenant, when known: sizes the directory bucket (default: the smallest size). */
  readonly users?: number;
}

/** Milliseconds of margin on every paced wait. */
const SEND_MARGIN_MS = 10;
/** Buckets this small are paced by request (reports, Conditional Access), not by volume. */
const RATE_LIMITED_CAPACITY = 10;

interface Bucket {
  tokens: number;
  updated: number;
  inFlight: number;
  /** No request of this bucket starts before this moment (after Graph throttled one). */
  holdUntil: number;
  queue: (() => void)[];
}

/** A slot in a bucket: release it once the answer has arrived. */
export type Release = () => void;

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Paces requests to stay inside Microsoft Graph's published limits, per throttling bucket: a token
 * bucket per bucket (resource units for the directory), the concurrency limit where one exists,
 * and a shared hold after Graph throttled a request of the bucket.
 */
export class ThrottlePacer {
  private readonly buckets = new Map<ThrottleBucket, Bucket>();
  private readonly now: () => number;
  private readonly directoryCapacity: number;

  constructor(options: PacerOptions = {}) {
    this.now = options.now ?? Date.now;
    this.directoryCapacity = directoryCapacity(options.users ?? 0);
  }

  private limit(bucket: ThrottleBucket) {
    return bucket === 'directory'
      ? { ...BUCKET_LIMITS.directory, capacity: this.directoryCapacity }
      : BUCKET_LIMITS[bucket];
  }

  private state(bucket: ThrottleBucket): Bucket {
    const now = this.now();
    const limit = this.limit(bucket);
    let state = this.buckets.get(bucket);
    if (!state) {
      state = { tokens: limit.capacity, updated: now, inFlight: 0, holdUntil: 0, queue: [] };
      this.buckets.set(bucket, state);
    }
    const refill = ((now - state.updated) / 1000) * (limit.capacity / limit.windowSeconds);
    state.tokens = Math.min(limit.capacity, state.tokens + refill);
    state.updated = now;
    return state;
  }

  private cost(bucket: ThrottleBucket, url: string): number {
    if (bucket !== 'directory') return 1;
    const q = url.indexOf('?');
    return resourceUnitCost(url, new URLSearchParams(q === -1 ? '' : url.slice(q + 1)));
  }

  /** Milliseconds until a request to `url` may start (0: now). */
  private delay(bucket: ThrottleBucket, cost: number): number {
    const state = this.state(bucket);
    const limit = this.limit(bucket);
    const hold = Math.max(0, state.holdUntil - this.now());
    const rate = limit.capacity / limit.windowSeconds / 1000;
    const refill =
      state.tokens >= cost ? 0 : Math.ceil((cost - state.tokens) / rate + SEND_MARGIN_MS);
    return Math.max(hold, refill);
  }

  private take(bucket: ThrottleBucket, cost: number): Release {
    const state = this.state(bucket);
    const limit = this.limit(bucket);
    const takenAt = this.now();
    state.tokens -= cost;
    state.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Graph counted the request when it arrived, somewhere between sending and the answer. To
      // be safe the token is taken to have been spent when the answer came: the refill it earned
      // while the request travelled is given back.
      if (limit.capacity <= RATE_LIMITED_CAPACITY) {
        const perMs = limit.capacity / limit.windowSeconds / 1000;
        const earned = Math.min(cost, (this.now() - takenAt) * perMs);
        this.state(bucket).tokens -= earned;
      }
      state.inFlight -= 1;
      state.queue.shift()?.();
    };
  }

  private full(bucket: ThrottleBucket): boolean {
    const concurrency = this.limit(bucket).concurrency;
    return concurrency !== undefined && this.state(bucket).inFlight >= concurrency;
  }

  /** A slot now, or undefined when the request would have to wait. */
  tryAcquire(url: string): Release | undefined {
    const bucket = bucketOf(url);
    const cost = this.cost(bucket, url);
    if (this.full(bucket) || this.delay(bucket, cost) > 0) return undefined;
    return this.take(bucket, cost);
  }

  /**
   * Waits for a slot. `onWait` hears about a wait before it starts (milliseconds and the bucket's
   * plain description).
   */
  async acquire(
    url: string,
    signal?: AbortSignal,
    onWait?: (ms: number, description: string) => void,
  ): Promise<Release> {
    const bucket = bucketOf(url);
    const cost = this.cost(bucket, url);
    for (;;) {
      if (signal?.aborted) throw new CancelledError();
      if (this.full(bucket)) {
        await new Promise<void>((resolve, reject) => {
          const queue = this.state(bucket).queue;
          const wake = () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          };
          const onAbort = () => {
            queue.splice(queue.indexOf(wake), 1);
            reject(new CancelledError());
          };
          signal?.addEventListener('abort', onAbort, { once: true });
          queue.push(wake);
        });
        continue;
      }
      const ms = this.delay(bucket, cost);
      if (ms <= 0) return this.take(bucket, cost);
      onWait?.(ms, this.limit(bucket).description);
      await sleep(ms, signal);
    }
  }

  /** Graph throttled a request to `url`: nothing else in its bucket starts for `ms`. */
  holdOff(url: string, ms: number): void {
    const state = this.state(bucketOf(url));
    state.holdUntil = Math.max(state.holdUntil, this.now() + ms);
    state.tokens = Math.min(state.tokens, 0);
  }
}
