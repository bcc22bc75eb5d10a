import { SOURCES, type SourceId } from '../../shared/models/sources';
import type { SourceResult, TenantSnapshot } from '../../shared/models/snapshot';
import type { TenantInfo } from '../../shared/models/tenant';
import type { GraphGateway, GraphResult } from '../graph/gateway';
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
  /**
   * Sources other than plain Graph reads (audit searches, DNS) handled at the same time. Graph
   * reads are paced per throttling bucket by the gateway.
   */
  readonly concurrency?: number;
  /** Used when the organisation profile cannot be read. */
  readonly fallbackTenantId?: string;
  readonly now?: () => Date;
  /** The moment the tenant's data describes (a recorded tenant); date windows end here. */
  readonly asOf?: Date;
  /** Hears the audit records each audit search returned (for recording a tenant). */
  readonly onAuditRecords?: (records: readonly unknown[]) => void;
  /** Resolver for public DNS; the system's servers when absent. */
  readonly dns?: MailDnsResolver;
}

function queryOf(request: GraphSourceRequest, now: () => Date, asOf?: Date) {
  return typeof request.query === 'function' ? request.query(asOf ?? now()) : request.query;
}

/** Turns the answer to a source's first request into its result, reading further pages if any. */
async function finishGraphSource(
  gateway: GraphGateway,
  request: GraphSourceRequest,
  first: GraphResult<unknown>,
  signal: AbortSignal | undefined,
  label: string,
  now: () => Date,
): Promise<SourceResult> {
  const result =
    request.shape === 'collection' && first.ok
      ? await gateway.restOfCollection(first.data, signal, label)
      : first;
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

async function readOtherSource(
  source: SourceId,
  options: CollectOptions,
  results: Partial<Record<SourceId, SourceResult>>,
  now: () => Date,
): Promise<SourceResult> {
  const request = SOURCE_REQUESTS[source];
  switch (request.kind) {
    case 'graph':
      throw new Error(`${source} is read with the other Graph sources`);
    case 'auditQuery':
      return readAuditQuery(options.gateway, request, options.signal, now, {
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(options.onAuditRecords ? { onRecords: options.onAuditRecords } : {}),
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
  const finish = (source: SourceId, result: SourceResult) => {
    results[source] = result;
    done += 1;
    onProgress?.({
      type: 'source-finished',
      source,
      label: SOURCES[source].label,
      ok: result.ok,
      done,
      total: sources.length,
    });
  };
  const start = (source: SourceId) =>
    onProgress?.({ type: 'source-started', source, label: SOURCES[source].label });

  // Graph reads: every first request at once (in $batch requests where pacing allows), then each
  // collection's further pages in turn.
  const graphSources = sources.flatMap((source) => {
    const request = SOURCE_REQUESTS[source];
    return request.kind === 'graph' ? [{ source, request }] : [];
  });
  graphSources.forEach(({ source }) => start(source));
  const firsts = options.gateway.getMany(
    graphSources.map(({ source, request }) => {
      const query = queryOf(request, now, options.asOf);
      return { path: request.path, ...(query ? { query } : {}), label: SOURCES[source].label };
    }),
    options.signal,
  );
  const graphDone = graphSources.map(async ({ source, request }, i) => {
    const result = await finishGraphSource(
      options.gateway,
      request,
      await firsts[i]!,
      options.signal,
      SOURCES[source].label,
      now,
    );
    finish(source, result);
  });

  // Other sources (audit searches; DNS once its dependencies are in), a few at a time.
  const others = sources.filter((s) => SOURCE_REQUESTS[s].kind !== 'graph');
  const ready = (s: SourceId) => {
    const request = SOURCE_REQUESTS[s];
    const needs = request.kind === 'dns' ? request.dependsOn : [];
    return Promise.all(
      graphSources
        .filter((g) => needs.includes(g.source))
        .map((g) => graphDone[graphSources.indexOf(g)]),
    );
  };
  const queue = [...others];
  const worker = async () => {
    for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
      await ready(source);
      start(source);
      finish(source, await readOtherSource(source, options, results, now));
    }
  };
  await Promise.all([
    ...graphDone,
    ...Array.from(
      { length: Math.max(1, Math.min(options.concurrency ?? 4, queue.length)) },
      worker,
    ),
  ]);
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
