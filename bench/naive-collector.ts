import { SOURCE_REQUESTS } from '../main/collect/source-requests';
import { readAuditQuery } from '../main/collect/audit-log-query';
import type { GraphGateway } from '../main/graph/gateway';
import { bucketOf } from '../shared/graph/throttle-limits';

/** Collections a naive collector walks object by object (`GET /users/{id}` for every user). */
const PER_OBJECT = new Set(['/users', '/groups', '/servicePrincipals', '/applications']);

export type NaivePhase = 'list' | 'report' | 'object' | 'audit';

export interface PhaseFigures {
  /** Requests sent in this phase. */
  done: number;
  ms: number;
}

export interface NaiveLimits {
  /** Stop a phase after this many requests (a sample); unlimited when absent. */
  readonly list?: number;
  readonly report?: number;
  readonly object?: number;
}

/**
 * The way many tools read a tenant: one request at a time, no `$batch`, no `$select` or `$top`
 * (Graph's default page of 100), and then every user, group, service principal and app
 * registration read again on its own. Retries honour `Retry-After` (it would fail otherwise).
 * With limits it stops each phase early, so its time can be measured on a sample.
 */
export async function naiveCollect(
  gateway: GraphGateway,
  asOf: Date,
  limits: NaiveLimits = {},
): Promise<Record<NaivePhase, PhaseFigures>> {
  const figures: Record<NaivePhase, PhaseFigures> = {
    list: { done: 0, ms: 0 },
    report: { done: 0, ms: 0 },
    object: { done: 0, ms: 0 },
    audit: { done: 0, ms: 0 },
  };
  const timed = async <T>(phase: NaivePhase, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      figures[phase].ms += performance.now() - started;
      figures[phase].done += 1;
    }
  };
  const full = (phase: 'list' | 'report' | 'object') =>
    limits[phase] !== undefined && figures[phase].done >= limits[phase]!;

  const ids = new Map<string, string[]>();
  for (const request of Object.values(SOURCE_REQUESTS)) {
    if (request.kind !== 'graph') continue;
    const query = typeof request.query === 'function' ? request.query(asOf) : request.query;
    const phase = bucketOf(request.path) === 'reports' ? 'report' : 'list';
    if (full(phase)) continue;
    // No $select and no $top; keep what changes the answer ($filter, $expand, version).
    const first = await timed(phase, () =>
      gateway.get(request.path, {
        ...(query?.filter ? { filter: query.filter } : {}),
        ...(query?.expand ? { expand: query.expand } : {}),
        ...(query?.version ? { version: query.version } : {}),
      }),
    );
    let page = first.ok ? first.data : undefined;
    const found: string[] = [];
    while (page && typeof page === 'object') {
      const p = page as { value?: unknown; '@odata.nextLink'?: unknown };
      if (Array.isArray(p.value)) {
        for (const item of p.value) {
          const id = (item as { id?: unknown } | null)?.id;
          if (typeof id === 'string') found.push(id);
        }
      }
      const next = p['@odata.nextLink'];
      if (request.shape !== 'collection' || typeof next !== 'string' || full(phase)) break;
      const read = await timed(phase, () => gateway.getUrl(next));
      page = read.ok ? read.data : undefined;
    }
    if (PER_OBJECT.has(request.path) && !ids.has(request.path)) ids.set(request.path, found);
  }
  for (const [path, list] of ids) {
    for (const id of list) {
      if (full('object')) break;
      await timed('object', () => gateway.get(`${path}/${id}`));
    }
  }
  for (const request of Object.values(SOURCE_REQUESTS)) {
    if (request.kind !== 'auditQuery') continue;
    await timed('audit', () => readAuditQuery(gateway, request, undefined, () => asOf, { asOf }));
  }
  return figures;
}
