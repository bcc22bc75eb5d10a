/**
 * Microsoft Graph's published throttling limits for the reads this app makes, as one table the
 * client (pacing) and the tenant simulator (enforcement) both read. Source: "Microsoft Graph
 * service-specific throttling limits" (learn.microsoft.com/graph/throttling-limits).
 */

/** The throttling bucket a request falls in. */
export type ThrottleBucket = 'directory' | 'reports' | 'conditionalAccess' | 'security' | 'other';

export interface BucketLimit {
  /** Token-bucket capacity (requests, or resource units for `directory`). */
  readonly capacity: number;
  /** Refill window in seconds: the whole capacity comes back over this long. */
  readonly windowSeconds: number;
  /** Requests in flight at once; absent means no concurrency limit. */
  readonly concurrency?: number;
  /** Whether Graph sends `Retry-After` when this bucket throttles. */
  readonly retryAfter: boolean;
  /** Plain words for the wait ("Microsoft limits sign-in log reads to 5 every 10 seconds"). */
  readonly description: string;
}

/** Directory (identity and access) capacity in resource units per 10 s, by tenant size. */
export function directoryCapacity(users: number): number {
  if (users < 50) return 3_500;
  if (users <= 500) return 5_000;
  return 8_000;
}

export const BUCKET_LIMITS: Record<Exclude<ThrottleBucket, 'directory'>, BucketLimit> & {
  directory: Omit<BucketLimit, 'capacity'>;
} = {
  directory: {
    windowSeconds: 10,
    retryAfter: true,
    description: 'Microsoft limits directory reads per tenant',
  },
  reports: {
    capacity: 5,
    windowSeconds: 10,
    retryAfter: true,
    description: 'Microsoft allows 5 report and sign-in log reads every 10 seconds',
  },
  conditionalAccess: {
    capacity: 1,
    windowSeconds: 1,
    retryAfter: false,
    description: 'Microsoft allows one Conditional Access or Identity Protection read per second',
  },
  security: {
    capacity: 150,
    windowSeconds: 60,
    concurrency: 4,
    retryAfter: true,
    description: 'Microsoft allows 4 Secure Score and security reads at a time',
  },
  other: {
    capacity: 130_000,
    windowSeconds: 10,
    retryAfter: true,
    description: 'Microsoft limits reads per app',
  },
};

/** The path after the version, lower case, without a leading slash or query. */
function resourceOf(path: string): string {
  return path
    .replace(/^https:\/\/[^/]+/i, '')
    .replace(/\?.*$/, '')
    .replace(/^\/+(v1\.0|beta)(\/|$)/i, '')
    .replace(/^\/+/, '')
    .toLowerCase();
}

/** Which bucket a request for this path (`/v1.0/users`, `users`, or a full URL) is counted in. */
export function bucketOf(path: string): ThrottleBucket {
  const r = resourceOf(path);
  if (/^auditlogs\/(signins|directoryaudits|provisioning)/.test(r)) return 'reports';
  if (/^reports\/(authenticationmethods|credentialuserregistrationdetails)/.test(r)) {
    return 'reports';
  }
  if (/^identity\/conditionalaccess(\/|$)/.test(r) || /^identityprotection(\/|$)/.test(r)) {
    return 'conditionalAccess';
  }
  if (/^security(\/|$)/.test(r)) return 'security';
  if (
    /^(users|groups|organization|domains|subscribedskus|policies|serviceprincipals|applications|rolemanagement|directory|directoryroles|directoryobjects|groupsettings|contacts|devices|oauth2permissiongrants|legacy)(\/|\(|$)/.test(
      r,
    )
  ) {
    return 'directory';
  }
  return 'other';
}

/**
 * Resource units a directory read costs: a base cost per resource, −1 with `$select`, +1 with
 * `$expand`, −1 with `$top` under 20, never below 1.
 */
export function resourceUnitCost(path: string, query: URLSearchParams): number {
  const r = resourceOf(path);
  let cost = 1;
  if (/^users\/?$/.test(r)) cost = 2;
  else if (/^subscribedskus\/?$/.test(r)) cost = 3;
  else if (/^applications\/?$/.test(r)) cost = 2;
  else if (/\/transitivemembers(\/|$)/.test(r)) cost = 5;
  else if (/^groups\/[^/]+\/members(\/|$)/.test(r)) cost = 3;
  const has = (name: string) => [...query.keys()].some((k) => k.toLowerCase() === name);
  if (has('$select')) cost -= 1;
  if (has('$expand')) cost += 1;
  const top = [...query.entries()].find(([k]) => k.toLowerCase() === '$top')?.[1];
  if (top !== undefined && Number(top) < 20) cost -= 1;
  return Math.max(1, cost);
}
