import type { SourceResult } from '../../shared/models/snapshot';
import type { GraphGateway } from '../graph/gateway';
import { sleep } from '../graph/pacer';
import type { AuditQuerySourceRequest } from './source-requests';

/** One audit record, reduced to what a check shows (no mail content, no IP addresses). */
export interface AuditRecordSample {
  readonly createdDateTime?: string;
  readonly operation?: string;
  readonly service?: string;
  readonly userPrincipalName?: string;
  /** `AppId` from the record's audit data, when present. */
  readonly appId?: string;
  /** `ClientAppId` from the record's audit data, when present. */
  readonly clientAppId?: string;
}

/** An application seen in the records (as AppId or ClientAppId). */
export interface AuditRecordApp {
  readonly appId: string;
  readonly records: number;
  /** Distinct users (mailbox owners for MailItemsAccessed) in those records. */
  readonly users: number;
  readonly lastSeen?: string;
}

/** The data of an audit-log-query source. */
export interface AuditQueryData {
  /** The search's final status as Microsoft reported it (`succeeded`, `failed`, `running`, …). */
  readonly status: string;
  readonly queryId: string;
  readonly filterStartDateTime: string;
  readonly filterEndDateTime: string;
  readonly operations: readonly string[];
  /** Records on the first page (only when the search succeeded). */
  readonly recordCount?: number;
  /** More records exist beyond the first page. */
  readonly morePages?: boolean;
  /** The first few records. */
  readonly sample?: readonly AuditRecordSample[];
  /** Applications in the first page of records, most records first. */
  readonly apps?: readonly AuditRecordApp[];
}

export interface AuditQueryWaitOptions {
  /** End of the search window when the tenant is replayed as of a recorded moment. */
  readonly asOf?: Date;
  /** Pauses between status checks, in milliseconds; the last one repeats. */
  readonly pollDelaysMs?: readonly number[];
  /** Longest total pause before giving up on a search that has not finished. */
  readonly maxWaitMs?: number;
  /** Records read (the first page). */
  readonly pageSize?: number;
  /** Hears the records themselves, as Graph returned them (for recording a tenant). */
  readonly onRecords?: (records: readonly unknown[]) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000];
const DEFAULT_MAX_WAIT_MS = 5 * 60 * 1000;
const DEFAULT_PAGE_SIZE = 1000;
const SAMPLE_SIZE = 5;
const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** Reads a property case-insensitively (audit data is written as `AppId`, sometimes `appId`). */
function prop(record: Record<string, unknown>, name: string): unknown {
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

export function sampleOf(record: Record<string, unknown>): AuditRecordSample {
  const auditData = isRecord(record.auditData) ? record.auditData : {};
  const fields: [keyof AuditRecordSample, string | undefined][] = [
    ['createdDateTime', text(record.createdDateTime)],
    ['operation', text(record.operation)],
    ['service', text(record.service)],
    ['userPrincipalName', text(record.userPrincipalName)],
    ['appId', text(prop(auditData, 'AppId'))],
    ['clientAppId', text(prop(auditData, 'ClientAppId'))],
  ];
  return Object.fromEntries(fields.filter(([, v]) => v !== undefined)) as AuditRecordSample;
}

/** Applications in the records, by AppId and ClientAppId, most records first. */
export function appsOf(samples: readonly AuditRecordSample[]): AuditRecordApp[] {
  const apps = new Map<string, { records: number; users: Set<string>; lastSeen?: string }>();
  for (const s of samples) {
    const ids = [s.appId, s.clientAppId].filter((v) => v !== undefined).map((v) => v.toLowerCase());
    for (const key of new Set(ids)) {
      const app = apps.get(key) ?? { records: 0, users: new Set<string>() };
      app.records += 1;
      if (s.userPrincipalName) app.users.add(s.userPrincipalName.toLowerCase());
      if (s.createdDateTime && (!app.lastSeen || s.createdDateTime > app.lastSeen)) {
        app.lastSeen = s.createdDateTime;
      }
      apps.set(key, app);
    }
  }
  return [...apps]
    .map(([appId, a]) => ({
      appId,
      records: a.records,
      users: a.users.size,
      ...(a.lastSeen ? { lastSeen: a.lastSeen } : {}),
    }))
    .sort((a, b) => b.records - a.records || a.appId.localeCompare(b.appId));
}

function failure(
  error: Extract<SourceResult, { ok: false }>['error'],
  now: () => Date,
): SourceResult {
  return { ok: false, error, fetchedAt: now().toISOString() };
}

/**
 * Searches the unified audit log through Graph's audit log query API: create a query (the one
 * POST the app sends, a read that Graph models as a write), wait for it to finish (bounded, and
 * cancelled with the scan), then read the first page of records.
 */
export async function readAuditQuery(
  gateway: GraphGateway,
  request: AuditQuerySourceRequest,
  signal: AbortSignal | undefined,
  now: () => Date,
  wait: AuditQueryWaitOptions = {},
): Promise<SourceResult> {
  const end = wait.asOf ?? now();
  const start = new Date(end.getTime() - request.days * DAY_MS);
  const operations = [...request.operations];
  const what = operations.length ? operations.join(', ') : 'all activity';
  const created = await gateway.post(
    '/security/auditLog/queries',
    {
      displayName: `Breach Ready scan: ${what}, last ${request.days} days`,
      filterStartDateTime: start.toISOString(),
      filterEndDateTime: end.toISOString(),
      ...(operations.length ? { operationFilters: operations } : {}),
    },
    signal,
  );
  if (!created.ok) return failure(created.error, now);
  const id = isRecord(created.data) ? text(created.data.id) : undefined;
  if (!id) {
    return failure(
      { kind: 'invalid_response', message: 'the audit log search was created without an id' },
      now,
    );
  }
  const base = {
    queryId: id,
    filterStartDateTime: start.toISOString(),
    filterEndDateTime: end.toISOString(),
    operations,
  };
  const path = `/security/auditLog/queries/${encodeURIComponent(id)}`;

  let status = isRecord(created.data) ? (text(created.data.status) ?? 'notStarted') : 'notStarted';
  const delays = wait.pollDelaysMs?.length ? wait.pollDelaysMs : DEFAULT_DELAYS_MS;
  const maxWait = wait.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  let waited = 0;
  for (let poll = 0; !FINAL.has(status); poll++) {
    const delay = delays[Math.min(poll, delays.length - 1)]!;
    if (waited + delay > maxWait) {
      // Still searching: report what Microsoft said, so the checks can say so plainly.
      return { ok: true, data: { status, ...base }, fetchedAt: now().toISOString() };
    }
    await sleep(delay, signal);
    waited += delay;
    const polled = await gateway.get(path, undefined, signal);
    if (!polled.ok) return failure(polled.error, now);
    const next = isRecord(polled.data) ? text(polled.data.status) : undefined;
    if (!next) {
      return failure(
        { kind: 'invalid_response', message: 'the audit log search has no status' },
        now,
      );
    }
    status = next;
  }
  if (status !== 'succeeded') {
    return { ok: true, data: { status, ...base }, fetchedAt: now().toISOString() };
  }

  const page = await gateway.get(
    `${path}/records`,
    { top: wait.pageSize ?? DEFAULT_PAGE_SIZE },
    signal,
  );
  if (!page.ok) return failure(page.error, now);
  const value = isRecord(page.data) ? page.data.value : undefined;
  if (!Array.isArray(value)) {
    return failure(
      { kind: 'invalid_response', message: 'expected a collection of audit records' },
      now,
    );
  }
  wait.onRecords?.(value);
  const samples = value.filter(isRecord).map(sampleOf);
  const data: AuditQueryData = {
    status,
    ...base,
    recordCount: value.length,
    morePages: isRecord(page.data) && typeof page.data['@odata.nextLink'] === 'string',
    sample: samples.slice(0, SAMPLE_SIZE),
    apps: appsOf(samples),
  };
  return { ok: true, data, fetchedAt: now().toISOString() };
}
