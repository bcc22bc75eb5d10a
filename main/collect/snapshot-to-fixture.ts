import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import type { SourceResult, TenantSnapshot } from '../../shared/models/snapshot';
import type { SourceId } from '../../shared/models/sources';
import type { DnsLookup } from '../dns/resolver';
import type { MailDnsData } from './mail-dns';
import { SOURCE_REQUESTS } from './source-requests';
import { stripSecrets } from './strip-secrets';

type GraphEntries = TenantFixture['graph'];
type DnsZone = NonNullable<TenantFixture['dns']>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Two reads of one collection with different `$select`: one stored collection with every field. */
function mergeById(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const byId = new Map<string, Record<string, unknown>>();
  const out: unknown[] = [];
  for (const item of [...a, ...b]) {
    if (isRecord(item) && typeof item.id === 'string') {
      const seen = byId.get(item.id);
      if (seen) {
        Object.assign(seen, item);
        continue;
      }
      const copy = { ...item };
      byId.set(item.id, copy);
      out.push(copy);
    } else {
      out.push(item);
    }
  }
  return out;
}

function errorEntry(result: Extract<SourceResult, { ok: false }>) {
  if (result.error.status === undefined) return undefined;
  return {
    status: result.error.status,
    body: {
      error: { code: result.error.code ?? 'UnknownError', message: result.error.message },
    },
  };
}

function graphEntries(snapshot: TenantSnapshot): GraphEntries {
  const graph: GraphEntries = {};
  for (const [id, result] of Object.entries(snapshot.sources) as [SourceId, SourceResult][]) {
    const request = SOURCE_REQUESTS[id];
    if (request.kind !== 'graph' || !result) continue;
    const query = typeof request.query === 'function' ? undefined : request.query;
    const version = (typeof request.query === 'function' ? undefined : query?.version) ?? 'v1.0';
    const key = `GET /${version}${request.path}`;
    if (!result.ok) {
      const entry = errorEntry(result);
      if (entry && !graph[key]) graph[key] = entry;
      continue;
    }
    const data = stripSecrets(result.data);
    if (request.shape === 'entity') {
      graph[key] = { status: 200, body: data };
      continue;
    }
    const value = Array.isArray(data) ? data : [];
    const existing = graph[key];
    const earlier =
      existing &&
      existing.status === 200 &&
      isRecord(existing.body) &&
      Array.isArray(existing.body.value)
        ? existing.body.value
        : undefined;
    graph[key] = { status: 200, body: { value: earlier ? mergeById(earlier, value) : value } };
  }
  return graph;
}

function records<T>(lookup: DnsLookup<T>): readonly T[] | undefined {
  return lookup.status === 'found' ? lookup.records : undefined;
}

/** The DNS answers the scan used, as a fixture zone. */
function dnsZone(result: SourceResult | undefined): DnsZone {
  const zone: DnsZone = {};
  if (!result?.ok) return zone;
  const data = result.data as MailDnsData;
  const add = (
    name: string,
    type: 'TXT' | 'MX' | 'CNAME',
    values: readonly unknown[] | undefined,
  ) => {
    if (!values?.length) return;
    const entry = (zone[name.toLowerCase()] ??= {}) as Record<string, unknown[]>;
    entry[type] = [...values];
  };
  for (const d of data.domains ?? []) {
    add(d.domain, 'TXT', records(d.spf));
    add(d.domain, 'MX', records(d.mx));
    add(`_dmarc.${d.domain}`, 'TXT', records(d.dmarc));
    for (const k of d.dkim) {
      const target = records(k.cname)?.[0];
      add(k.name, 'CNAME', target ? [target] : undefined);
      add(target ?? k.name, 'TXT', records(k.txt));
    }
  }
  return zone;
}

/**
 * A `tenant-fixture/1` document from what a scan read: every Graph source stored whole under its
 * path (errors as Graph answered them), the audit records the searches returned, and the DNS
 * answers used. Secrets and tokens are removed.
 */
export function snapshotToFixture(
  snapshot: TenantSnapshot,
  auditRecords: readonly unknown[],
  recordedAt: Date,
): TenantFixture {
  const graph = graphEntries(snapshot);
  const audit = [snapshot.sources.auditLogActivity, snapshot.sources.mailItemsAccessed];
  const auditRefused = audit.find((r) => r && !r.ok);
  if (audit.some((r) => r?.ok)) {
    graph['GET /v1.0/security/auditLog/queries/records'] = {
      status: 200,
      body: { value: stripSecrets(mergeById([], auditRecords)) },
    };
  } else if (auditRefused && !auditRefused.ok) {
    const entry = errorEntry(auditRefused);
    if (entry) graph['POST /v1.0/security/auditLog/queries'] = entry;
  }
  return {
    format: 'tenant-fixture/1',
    tenant: { ...snapshot.tenant },
    recordedAt: recordedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
    graph,
    dns: dnsZone(snapshot.sources.mailDns),
  };
}
