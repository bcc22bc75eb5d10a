import type { FixtureFault } from '../../shared/fixture/tenant-fixture';

/**
 * `expired-token` answers 401 `InvalidAuthenticationToken` and refuses the presented token from then
 * on, although its lifetime is not over: the client must come back with a new one.
 */
export type FaultKind = 'status' | 'timeout' | 'malformed' | 'truncated' | 'expired-token';

/** A fault that applies to one request. */
export interface ActiveFault {
  readonly kind: FaultKind;
  /** For `status` faults (default 503). */
  readonly status: number;
  /** Seconds for the `Retry-After` header; absent means no header. */
  readonly retryAfter?: number;
}

/**
 * The fixture's faults with their remaining counts. `match` is a prefix of `METHOD /path`; the
 * first `times` (default 1) matching requests fail, later ones get the real answer.
 */
export class FaultPlan {
  private readonly remaining: number[];

  constructor(private readonly faults: readonly FixtureFault[]) {
    this.remaining = faults.map((f) => f.times ?? 1);
  }

  /**
   * The fault for this request, if any, counting it as used. `kinds` limits which kinds may apply
   * (a fault of another kind is left for a later request).
   */
  take(method: string, path: string, kinds?: readonly FaultKind[]): ActiveFault | undefined {
    const target = `${method.toUpperCase()} ${path}`;
    for (let i = 0; i < this.faults.length; i++) {
      const fault = this.faults[i];
      const left = this.remaining[i] ?? 0;
      if (!fault || left <= 0 || !target.startsWith(fault.match)) continue;
      const kind = fault.kind ?? 'status';
      if (kinds && !kinds.includes(kind)) continue;
      this.remaining[i] = left - 1;
      return {
        kind,
        status: fault.status ?? 503,
        ...(fault.retryAfter !== undefined ? { retryAfter: fault.retryAfter } : {}),
      };
    }
    return undefined;
  }
}

/** Headers for a `status` fault. */
export function faultHeaders(fault: ActiveFault): Record<string, string> {
  return fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
}

/** A body that looks like JSON but is not. */
export const MALFORMED_BODY =
  '{"value":[{"id":"00000000-0000-0000-0000-000000000000","displayName":';
