import type { FixtureGraphResponse, TenantFixture } from '../../shared/fixture/tenant-fixture';
import type { GraphAnswer, GraphCall } from './graph';
import { graphErrorBody } from './graph-error';
import {
  decodeSkipToken,
  encodeSkipToken,
  nextLinkQuery,
  pageOf,
  pageSize,
  parseODataQuery,
} from './odata';
import type { SeededIds } from './seeded-ids';

/**
 * Microsoft Graph's audit log query API (`/security/auditLog/queries`), played from a fixture.
 *
 * A search is created with POST (201, `notStarted`), reports `running` on the first poll and
 * `succeeded` on the next, then serves its records: the fixture's audit records, stored under
 * `GET /{version}/security/auditLog/queries/records`, filtered by the search's time range,
 * operations, record types, service and users.
 */
export interface AuditQueryOptions {
  readonly fixture: TenantFixture;
  readonly ids: SeededIds;
}

interface AuditQuery {
  readonly id: string;
  readonly version: string;
  readonly body: Record<string, unknown>;
  readonly start: number;
  readonly end: number;
  readonly operations: readonly string[];
  readonly recordTypes: readonly string[];
  readonly service?: string;
  readonly users: readonly string[];
  polls: number;
}

const QUERIES = /^security\/auditlog\/queries(?:\/([^/]+)(?:\/(records))?)?$/i;

/** Where a fixture keeps the audit records the searches run over. */
export function auditRecordsKey(version: string): string {
  return `GET /${version}/security/auditLog/queries/records`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const is2xx = (status: number) => status >= 200 && status < 300;

function stringList(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return undefined;
  return value as string[];
}

function statusOf(query: AuditQuery): string {
  return query.polls === 0 ? 'notStarted' : query.polls === 1 ? 'running' : 'succeeded';
}

export class AuditQueryService {
  private readonly queries = new Map<string, AuditQuery>();
  private readonly stored = new Map<string, FixtureGraphResponse>();

  constructor(private readonly options: AuditQueryOptions) {
    for (const [key, response] of Object.entries(options.fixture.graph)) {
      this.stored.set(key.replace(/\/+$/, '').toLowerCase(), response);
    }
  }

  /** The answer for an audit-log-query call; `undefined` when the call is about something else. */
  answer(call: GraphCall): GraphAnswer | undefined {
    const match = QUERIES.exec(call.resource);
    if (!match) return undefined;
    const [, id, records] = match;
    if (!id) {
      if (call.method === 'POST') return this.create(call);
      if (call.method === 'GET') return this.list(call);
      return undefined;
    }
    if (call.method !== 'GET') return undefined;
    const query = this.queries.get(id.toLowerCase());
    if (!query || query.version !== call.version) {
      return this.error(call, 404, 'UnknownError', `Audit log query '${id}' was not found.`);
    }
    return records ? this.records(call, query) : this.poll(call, query);
  }

  private lookup(key: string): FixtureGraphResponse | undefined {
    return this.stored.get(key.toLowerCase());
  }

  private error(call: GraphCall, status: number, code: string, message: string): GraphAnswer {
    return { status, headers: {}, body: graphErrorBody(code, message, call.errorIds) };
  }

  private storedAnswer(response: FixtureGraphResponse): GraphAnswer {
    return { status: response.status, headers: response.headers ?? {}, body: response.body };
  }

  private context(call: GraphCall, suffix: string): string {
    return `${call.origin}/${call.version}/$metadata#${suffix}`;
  }

  private create(call: GraphCall): GraphAnswer {
    const storedPost = this.lookup(`POST /${call.version}/security/auditLog/queries`);
    if (storedPost && !is2xx(storedPost.status)) return this.storedAnswer(storedPost);
    const records = this.lookup(auditRecordsKey(call.version));
    if (!records) {
      return this.error(
        call,
        404,
        'Request_ResourceNotFound',
        "Resource 'queries' does not exist or one of its queried reference-property objects are not present.",
      );
    }
    if (!is2xx(records.status)) return this.storedAnswer(records);

    let input: unknown;
    try {
      input = JSON.parse(call.body.toString('utf8') || 'null');
    } catch {
      return this.error(call, 400, 'BadRequest', 'The request body is not valid JSON.');
    }
    if (!isRecord(input)) {
      return this.error(call, 400, 'BadRequest', 'The request body must be an auditLogQuery.');
    }
    const start = Date.parse(String(input.filterStartDateTime ?? ''));
    const end = Date.parse(String(input.filterEndDateTime ?? ''));
    if (Number.isNaN(start) || Number.isNaN(end)) {
      return this.error(
        call,
        400,
        'BadRequest',
        'filterStartDateTime and filterEndDateTime are required date-times.',
      );
    }
    if (start > end) {
      return this.error(
        call,
        400,
        'BadRequest',
        'filterStartDateTime must be earlier than filterEndDateTime.',
      );
    }
    const operations = stringList(input.operationFilters);
    const recordTypes = stringList(input.recordTypeFilters);
    const users = stringList(input.userPrincipalNameFilters);
    if (!operations || !recordTypes || !users) {
      return this.error(call, 400, 'BadRequest', 'Filters must be lists of strings.');
    }
    const service = typeof input.serviceFilter === 'string' ? input.serviceFilter : undefined;

    const id = this.options.ids.nextGuid('audit-log-query');
    const body: Record<string, unknown> = {
      id,
      displayName: typeof input.displayName === 'string' ? input.displayName : null,
      filterStartDateTime: new Date(start).toISOString(),
      filterEndDateTime: new Date(end).toISOString(),
      recordTypeFilters: recordTypes,
      keywordFilter: typeof input.keywordFilter === 'string' ? input.keywordFilter : null,
      serviceFilter: service ?? null,
      operationFilters: operations,
      userPrincipalNameFilters: users,
      ipAddressFilters: [],
      objectIdFilters: [],
      administrativeUnitIdFilters: [],
    };
    const query: AuditQuery = {
      id,
      version: call.version,
      body,
      start,
      end,
      operations: operations.map((o) => o.toLowerCase()),
      recordTypes: recordTypes.map((r) => r.toLowerCase()),
      ...(service ? { service: service.toLowerCase() } : {}),
      users: users.map((u) => u.toLowerCase()),
      polls: 0,
    };
    this.queries.set(id.toLowerCase(), query);
    return {
      status: 201,
      headers: { location: `${call.origin}/${call.version}/security/auditLog/queries/${id}` },
      body: {
        '@odata.context': this.context(call, 'security/auditLog/queries/$entity'),
        ...body,
        status: statusOf(query),
      },
    };
  }

  private list(call: GraphCall): GraphAnswer {
    const value = [...this.queries.values()]
      .filter((q) => q.version === call.version)
      .map((q) => ({ ...q.body, status: statusOf(q) }));
    return {
      status: 200,
      headers: {},
      body: { '@odata.context': this.context(call, 'security/auditLog/queries'), value },
    };
  }

  private poll(call: GraphCall, query: AuditQuery): GraphAnswer {
    query.polls = Math.min(query.polls + 1, 2);
    return {
      status: 200,
      headers: {},
      body: {
        '@odata.context': this.context(call, 'security/auditLog/queries/$entity'),
        ...query.body,
        status: statusOf(query),
      },
    };
  }

  private matches(query: AuditQuery, record: Record<string, unknown>): boolean {
    const at = Date.parse(String(record.createdDateTime ?? ''));
    if (Number.isNaN(at) || at < query.start || at > query.end) return false;
    const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : '');
    if (query.operations.length && !query.operations.includes(lower(record.operation))) {
      return false;
    }
    if (query.recordTypes.length && !query.recordTypes.includes(lower(record.auditLogRecordType))) {
      return false;
    }
    if (query.service && lower(record.service) !== query.service) return false;
    if (query.users.length && !query.users.includes(lower(record.userPrincipalName))) return false;
    return true;
  }

  private records(call: GraphCall, query: AuditQuery): GraphAnswer {
    if (statusOf(query) !== 'succeeded') {
      return this.error(
        call,
        400,
        'BadRequest',
        'The audit log query has not finished; read its records once its status is succeeded.',
      );
    }
    const parsed = parseODataQuery(call.params);
    if (!parsed.ok) return this.error(call, 400, 'BadRequest', parsed.message);
    const stored = this.lookup(auditRecordsKey(call.version));
    const all =
      stored && isRecord(stored.body) && Array.isArray(stored.body.value)
        ? stored.body.value.filter((r): r is Record<string, unknown> => isRecord(r))
        : [];
    const matching = all.filter((r) => this.matches(query, r));
    const scope = `audit-query/${query.id}`;
    let offset = 0;
    if (parsed.value.skipToken !== undefined) {
      const decoded = decodeSkipToken(parsed.value.skipToken, scope);
      if (decoded === undefined) {
        return this.error(call, 400, 'BadRequest', 'The $skiptoken is invalid or has expired.');
      }
      offset = decoded;
    }
    const { page, nextOffset } = pageOf(matching, offset, pageSize(parsed.value.top));
    const body: Record<string, unknown> = {
      '@odata.context': this.context(call, `security/auditLog/queries('${query.id}')/records`),
      value: page,
    };
    if (nextOffset !== undefined) {
      body['@odata.nextLink'] =
        `${call.origin}/${call.version}/security/auditLog/queries/${query.id}/records?${nextLinkQuery(call.params, encodeSkipToken(nextOffset, scope))}`;
    }
    return { status: 200, headers: {}, body };
  }
}
