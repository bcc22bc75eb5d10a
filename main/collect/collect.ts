import { SOURCES, type SourceId } from '../../shared/models/sources';
import type { SourceResult, TenantSnapshot } from '../../shared/models/snapshot';
import type { TenantInfo } from '../../shared/models/tenant';
import type { GraphGateway } from '../graph/gateway';
import { readAuditQuery } from './audit-log-query';
import { readMailDns, type MailDnsResolver } from './mail-dns';
import { SOURCE_REQUESTS, type GraphSourceRequest } from './source-requests';

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
  /** The moment the tenant's data describes (a recorded tenant); date windows end here. */
  readonly asOf?: Date;
  /** Resolver for public DNS; the system's servers when absent. */
  readonly dns?: MailDnsResolver;
}

async function readGraphSource(
  gateway: GraphGateway,
  request: GraphSourceRequest,
  signal: AbortSignal | undefined,
  now: () => Date,
  asOf?: Date,
): Promise<SourceResult> {
  const query = typeof request.query === 'function' ? request.query(asOf ?? now()) : request.query;
  const result =
    request.shape === 'collection'
      ? await gateway.getAll(request.path, query, signal)
      : await gateway.get(request.path, query, signal);
  const fetchedAt = now().toISOString();
  if (!result.ok) return { ok: false, error: result.error, fetchedAt };
  const data = result.data;
  if (request.shape === 'firstPage') {
    const value = (data as { value?: unknown } | null)?.value;
    if (!Array.isArray(value)) {
      return {
        ok: false,
        error: { kind: 'invalid_response', message: 'expected a collection ("value" array)' },
        fetchedAt,
      };
    }
    return { ok: true, data: value, fetchedAt };
  }
  if (
    request.shape === 'entity' &&
    (typeof data !== 'object' || data === null || Array.isArray(data))
  ) {
    return {
      ok: false,
      error: { kind: 'invalid_response', message: 'expected a single object' },
      fetchedAt,
    };
  }
  return { ok: true, data, fetchedAt };
}

async function readSource(
  source: SourceId,
  options: CollectOptions,
  results: Partial<Record<SourceId, SourceResult>>,
  now: () => Date,
): Promise<SourceResult> {
  const request = SOURCE_REQUESTS[source];
  switch (request.kind) {
    case 'graph':
      return readGraphSource(options.gateway, request, options.signal, now, options.asOf);
    case 'auditQuery':
      return readAuditQuery(options.gateway, request, options.signal, now, {
        ...(options.asOf ? { asOf: options.asOf } : {}),
      });
    case 'dns':
      return readMailDns(results.domains, {
        ...(options.dns ? { resolver: options.dns } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        now,
      });
  }
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
  const { onProgress } = options;
  const now = options.now ?? (() => new Date());
  // A source that builds on others (DNS needs the domain list) brings them along.
  const dependencies = options.sources.flatMap((s) => {
    const request = SOURCE_REQUESTS[s];
    return request.kind === 'dns' ? request.dependsOn : [];
  });
  const sources = [...new Set<SourceId>(['organization', ...dependencies, ...options.sources])];
  const results: Partial<Record<SourceId, SourceResult>> = {};
  let done = 0;
  const run = async (queue: SourceId[], concurrency: number) => {
    const worker = async () => {
      for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
        const label = SOURCES[source].label;
        onProgress?.({ type: 'source-started', source, label });
        const result = await readSource(source, options, results, now);
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
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker),
    );
  };
  // Sources that build on others (DNS needs the domain list) are read after the rest.
  const dependent = (s: SourceId) => SOURCE_REQUESTS[s].kind === 'dns';
  await run(
    sources.filter((s) => !dependent(s)),
    options.concurrency ?? 4,
  );
  await run(sources.filter(dependent), options.concurrency ?? 4);
  const ordered = Object.fromEntries(sources.map((s) => [s, results[s]])) as Partial<
    Record<SourceId, SourceResult>
  >;
  return {
    format: 'tenant-snapshot/1',
    tenant: tenantInfoFrom(results.organization, options.fallbackTenantId),
    collectedAt: now().toISOString(),
    ...(options.asOf ? { asOf: options.asOf.toISOString() } : {}),
    sources: ordered,
  };
}
