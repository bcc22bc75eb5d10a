import { afterEach, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { AppOnlySignIn } from '../auth/app-only';
import { GraphGateway } from '../graph/gateway';
import { FORBIDDEN, smallTenant, TENANT_ID } from '../../test/helpers/small-tenant';
import { createDemoClient, createSimGraphSender, createSimNetworkClient } from './index';
import { startSimulator, type Simulator } from './server';

const OUTLOOK = 'd3590ed6-52b3-4102-aeff-aad2292ab01c';

function record(n: number, operation: string, at: string, extra: Record<string, unknown> = {}) {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdDateTime: at,
    auditLogRecordType:
      operation === 'MailItemsAccessed' ? 'ExchangeItemAggregated' : 'ExchangeItem',
    operation,
    service: 'Exchange',
    userPrincipalName: `baker${n}@fabrikambakery.com`,
    auditData: { Operation: operation, AppId: OUTLOOK, ClientAppId: OUTLOOK },
    ...extra,
  };
}

const RECORDS = [
  record(1, 'MailItemsAccessed', '2026-11-01T08:00:00Z'),
  record(2, 'Send', '2026-11-01T09:00:00Z'),
  record(3, 'MailItemsAccessed', '2026-11-02T08:00:00Z'),
  record(4, 'MailItemsAccessed', '2026-10-01T08:00:00Z'),
  record(5, 'FileAccessed', '2026-11-01T10:00:00Z', {
    service: 'SharePoint',
    auditLogRecordType: 'SharePointFileOperation',
  }),
];

const WITH_RECORDS = {
  'GET /v1.0/security/auditLog/queries/records': { status: 200, body: { value: RECORDS } },
};

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function gatewayFor(fixture: TenantFixture) {
  const client = createDemoClient();
  sim = await startSimulator({ fixture, clients: [client] });
  const tokens = new AppOnlySignIn({
    clientId: client.clientId,
    credential: { kind: 'secret', secret: client.secret },
    networkClient: createSimNetworkClient(sim.base),
  }).forTenant(TENANT_ID);
  return new GraphGateway({
    getAccessToken: (options) => tokens.getAccessToken(options),
    transport: createSimGraphSender(sim.base),
    retryDelaySeconds: 0,
  });
}

const WEEK = {
  displayName: 'test search',
  filterStartDateTime: '2026-10-27T00:00:00Z',
  filterEndDateTime: '2026-11-03T00:00:00Z',
};

describe('the audit log query API in the simulator', () => {
  it('creates a search (201 notStarted), runs it over two polls, then serves the records', async () => {
    const gateway = await gatewayFor(smallTenant(WITH_RECORDS));
    const created = await gateway.post('/security/auditLog/queries', {
      ...WEEK,
      operationFilters: ['mailItemsAccessed'],
    });
    expect(created).toMatchObject({
      ok: true,
      data: {
        status: 'notStarted',
        displayName: 'test search',
        operationFilters: ['mailItemsAccessed'],
      },
    });
    expect(sim!.log.at(-1)).toMatchObject({ method: 'POST', status: 201 });
    const id = (created as { data: { id: string } }).data.id;

    const early = await gateway.get(`/security/auditLog/queries/${id}/records`);
    expect(early).toMatchObject({ ok: false, error: { status: 400 } });

    expect(await gateway.get(`/security/auditLog/queries/${id}`)).toMatchObject({
      ok: true,
      data: { id, status: 'running' },
    });
    expect(await gateway.get(`/security/auditLog/queries/${id}`)).toMatchObject({
      ok: true,
      data: { id, status: 'succeeded' },
    });
    const records = await gateway.getAll(`/security/auditLog/queries/${id}/records`);
    expect(records.ok).toBe(true);
    if (!records.ok) return;
    // Only MailItemsAccessed (matched case-insensitively) inside the time range.
    expect((records.data as { id: string }[]).map((r) => r.id)).toEqual([
      RECORDS[0]!.id,
      RECORDS[2]!.id,
    ]);
  });

  it('pages the records with $top and a nextLink', async () => {
    const gateway = await gatewayFor(smallTenant(WITH_RECORDS));
    const created = await gateway.post('/security/auditLog/queries', WEEK);
    const id = (created as { data: { id: string } }).data.id;
    await gateway.get(`/security/auditLog/queries/${id}`);
    await gateway.get(`/security/auditLog/queries/${id}`);
    const first = await gateway.get(`/security/auditLog/queries/${id}/records`, { top: 2 });
    expect(first).toMatchObject({ ok: true });
    const body = (first as { data: { value: unknown[]; '@odata.nextLink'?: string } }).data;
    expect(body.value).toHaveLength(2);
    expect(body['@odata.nextLink']).toMatch(/^https:\/\/graph\.microsoft\.com\/v1\.0\/security/);
    const all = await gateway.getAll(`/security/auditLog/queries/${id}/records`, { top: 2 });
    expect(all.ok && all.data.length).toBe(4);
  });

  it('lists the searches it created', async () => {
    const gateway = await gatewayFor(smallTenant(WITH_RECORDS));
    await gateway.post('/security/auditLog/queries', WEEK);
    const list = await gateway.getAll('/security/auditLog/queries');
    expect(list.ok && list.data).toHaveLength(1);
  });

  it('answers 404 for an unknown search and 400 for a body without a time range', async () => {
    const gateway = await gatewayFor(smallTenant(WITH_RECORDS));
    expect(await gateway.get('/security/auditLog/queries/not-a-query')).toMatchObject({
      ok: false,
      error: { kind: 'not_found', status: 404 },
    });
    expect(
      await gateway.post('/security/auditLog/queries', { displayName: 'no range' }),
    ).toMatchObject({ ok: false, error: { status: 400 } });
    expect(
      await gateway.post('/security/auditLog/queries', {
        ...WEEK,
        filterStartDateTime: '2026-12-01T00:00:00Z',
      }),
    ).toMatchObject({ ok: false, error: { status: 400 } });
  });

  it('answers the error stored for creating a search (no permission)', async () => {
    const gateway = await gatewayFor(
      smallTenant({ ...WITH_RECORDS, 'POST /v1.0/security/auditLog/queries': FORBIDDEN }),
    );
    expect(await gateway.post('/security/auditLog/queries', WEEK)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', status: 403, code: 'Authorization_RequestDenied' },
    });
  });

  it('answers 404 when the fixture holds no audit records', async () => {
    const gateway = await gatewayFor(smallTenant());
    expect(await gateway.post('/security/auditLog/queries', WEEK)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('retries a throttled create like any other request', async () => {
    const gateway = await gatewayFor(
      smallTenant(WITH_RECORDS, [
        { match: 'POST /v1.0/security/auditLog/queries', status: 429, retryAfter: 0, times: 1 },
      ]),
    );
    expect(await gateway.post('/security/auditLog/queries', WEEK)).toMatchObject({ ok: true });
    const posts = sim!.log.filter((e) => e.service === 'graph' && e.method === 'POST');
    expect(posts.map((e) => e.status)).toEqual([429, 201]);
  });
});
