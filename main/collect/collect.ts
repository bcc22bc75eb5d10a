import { SOURCES, type SourceId } from '../../shared/models/sources';
import type { SourceResult, TenantSnapshot } from '../../shared/models/snapshot';
import type { TenantInfo } from '../../shared/models/tenant';
import type { GraphGateway } from '../graph/gateway';
import { SOURCE_REQUESTS } from './source-requests';

export type CollectProgress =
  | { readonly type: 'source-started'; readonly source: SourceId; readonly label: string }
  | {
      readonly type: 'source-finished';
      readonly source: SourceId;
      readonly label: string;
      readonly ok: boolean;
      readonly done: number;
      readonly total: number;
    };

export interface CollectOptions {
  readonly gateway: GraphGateway;
  readonly sources: readonly SourceId[];
  readonly onProgress?: (event: CollectProgress) => void;
  readonly signal?: AbortSignal;
  /** Sources read at the same time. */
  readonly concurrency?: number;
  /** Used when the organisation profile cannot be read. */
  readonly fallbackTenantId?: string;
  readonly now?: () => Date;
}

async function readSource(
  gateway: GraphGateway,
  source: SourceId,
  signal?: AbortSignal,
  now = () => new Date(),
) {
  const request = SOURCE_REQUESTS[source];
  const result =
    request.shape === 'collection'
      ? await gateway.getAll(request.path, request.query, signal)
      : await gateway.get(request.path, request.query, signal);
  const fetchedAt = now().toISOString();
  if (!result.ok) return { ok: false, error: result.error, fetchedAt } satisfies SourceResult;
  if (
    request.shape === 'entity' &&
    (typeof result.data !== 'object' || result.data === null || Array.isArray(result.data))
  ) {
    return {
      ok: false,
      error: { kind: 'invalid_response', message: 'expected a single object' },
      fetchedAt,
    } satisfies SourceResult;
  }
  return { ok: true, data: result.data, fetchedAt } satisfies SourceResult;
}

/** The tenant's name and default domain, from the organisation profile when it could be read. */
export function tenantInfoFrom(
  organization: SourceResult | undefined,
  fallbackId?: string,
): TenantInfo {
  const org =
    organization?.ok && Array.isArray(organization.data) ? organization.data[0] : undefined;
  if (typeof org === 'object' && org !== null) {
    const o = org as { id?: unknown; displayName?: unknown; verifiedDomains?: unknown };
    const domains = Array.isArray(o.verifiedDomains)
      ? (o.verifiedDomains as { name?: unknown; isDefault?: unknown }[])
      : [];
    const preferred = domains.find((d) => d.isDefault === true) ?? domains[0];
    return {
      id: typeof o.id === 'string' ? o.id : (fallbackId ?? 'unknown'),
      displayName: typeof o.displayName === 'string' ? o.displayName : 'Unknown organisation',
      defaultDomain: typeof preferred?.name === 'string' ? preferred.name : 'unknown',
    };
  }
  return {
    id: fallbackId ?? 'unknown',
    displayName: 'Unknown organisation',
    defaultDomain: 'unknown',
  };
}

/**
 * Reads every requested source into a snapshot. A source that fails is recorded with its typed
 * error; collection carries on with the others.
 */
export async function collectSnapshot(options: CollectOptions): Promise<TenantSnapshot> {
  const { gateway, signal, onProgress } = options;
  const now = options.now ?? (() => new Date());
  const sources = [...new Set<SourceId>(['organization', ...options.sources])];
  const results: Partial<Record<SourceId, SourceResult>> = {};
  const queue = [...sources];
  let done = 0;
  const worker = async () => {
    for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
      const label = SOURCES[source].label;
      onProgress?.({ type: 'source-started', source, label });
      const result = await readSource(gateway, source, signal, now);
      results[source] = result;
      done += 1;
      onProgress?.({
        type: 'source-finished',
        source,
        label,
        ok: result.ok,
        done,
        total: sources.length,
      });
    }
  };
  const workers = Array.from(
    { length: Math.max(1, Math.min(options.concurrency ?? 4, sources.length)) },
    worker,
  );
  await Promise.all(workers);
  const ordered = Object.fromEntries(sources.map((s) => [s, results[s]])) as Partial<
    Record<SourceId, SourceResult>
  >;
  return {
    format: 'tenant-snapshot/1',
    tenant: tenantInfoFrom(results.organization, options.fallbackTenantId),
    collectedAt: now().toISOString(),
    sources: ordered,
  };
}
