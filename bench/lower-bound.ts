import {
  BUCKET_LIMITS,
  directoryCapacity,
  type ThrottleBucket,
} from '../shared/graph/throttle-limits';
import type { SourceShape } from './tenant-shape';

export interface LowerBound {
  readonly ms: number;
  /** What sets the bound. */
  readonly limitedBy: string;
}

/** Audit searches: create, two status reads (the simulated search finishes on the second), records. */
const AUDIT_REQUESTS = 4;
/** The client's pauses before those two status reads. */
const AUDIT_POLL_PAUSES_MS = 500 + 1000;

/**
 * The shortest scan the simulated tenant allows: one sign-in round trip, then the longest of
 * (a) every collection's page chain, whose pages can only be read one after another, with the
 * first page of every source sent together in one round of `$batch` requests; (b) each rate-limited
 * throttling bucket, which serves its capacity at once and then its refill rate; (c) an audit log
 * search (four requests in turn plus the client's two pauses before asking for its status).
 */
export function lowerBound(
  shape: readonly SourceShape[],
  latencyMs: number,
  users: number,
): LowerBound {
  const candidates: [number, string][] = [];
  for (const s of shape)
    candidates.push([s.pages * latencyMs, `page chain ${s.key} (${s.pages} pages)`]);
  const requests = new Map<ThrottleBucket, number>();
  for (const s of shape) requests.set(s.bucket, (requests.get(s.bucket) ?? 0) + s.pages);
  for (const [bucket, count] of requests) {
    if (bucket === 'directory') {
      const capacity = directoryCapacity(users);
      const ms =
        (Math.max(0, count - capacity) * (BUCKET_LIMITS.directory.windowSeconds * 1000)) / capacity;
      candidates.push([ms + latencyMs, `directory resource units (${count} requests)`]);
      continue;
    }
    const limit = BUCKET_LIMITS[bucket];
    const perRequestMs = (limit.windowSeconds * 1000) / limit.capacity;
    const ms = Math.max(0, count - limit.capacity) * perRequestMs + latencyMs;
    candidates.push([
      ms,
      `${bucket} bucket (${count} requests, ${limit.capacity} per ${limit.windowSeconds} s)`,
    ]);
  }
  candidates.push([AUDIT_REQUESTS * latencyMs + AUDIT_POLL_PAUSES_MS, 'audit log search']);
  const [ms, limitedBy] = candidates.reduce((a, b) => (b[0] > a[0] ? b : a));
  return { ms: ms + latencyMs, limitedBy };
}
