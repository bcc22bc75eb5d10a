import { afterEach, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { AppOnlySignIn } from '../auth/app-only';
import { CancelledError, GraphGateway } from '../graph/gateway';
import {
  createDemoClient,
  createSimGraphSender,
  createSimNetworkClient,
  startSimulator,
  type Simulator,
} from '../sim';
import { FORBIDDEN, smallTenant, TENANT_ID } from '../../test/helpers/small-tenant';
import { appsOf, readAuditQuery, sampleOf, type AuditQueryData } from './audit-log-query';

const NOW = new Date('2026-11-02T12:00:00.000Z');
const now = () => NOW;
const OUTLOOK = 'd3590ed6-52b3-4102-aeff-aad2292ab01c';
const SYNC_APP = '7c1d9a52-0000-4000-8000-00000000c0de';

let n = 0;
function mailRead(user: string, at: string, appId: string, clientAppId = appId) {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdDateTime: at,
    auditLogRecordType: 'ExchangeItemAggregated',
    operation: 'MailItemsAccessed',
    service: 'Exchange',
    userPrincipalName: user,
    auditData: {
      Operation: 'MailItemsAccessed',
      AppId: appId,
      ClientAppId: clientAppId,
      ClientIPAddress: '203.0.113.9',
      MailboxOwnerUPN: user,
    },
  };
}

const RECORDS = [
  mailRead('ana@fabrikambakery.com', '2026-11-02T08:00:00Z', OUTLOOK),
  mailRead('ana@fabrikambakery.com', '2026-11-01T08:00:00Z', SYNC_APP, ''),
  mailRead('ben@fabrikambakery.com', '2026-11-01T09:00:00Z', SYNC_APP, ''),
  mailRead('ben@fabrikambakery.com', '2026-10-01T09:00:00Z', SYNC_APP, ''),
  {
    id: 'sign-in',
    createdDateTime: '2026-11-01T07:00:00Z',
    auditLogRecordType: 'AzureActiveDirectoryStsLogon',
    operation: 'UserLoggedIn',
    service: 'AzureActiveDirectory',
    userPrincipalName: 'ana@fabrikambakery.com',
    auditData: {},
  },
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

const MAIL = { kind: 'auditQuery', operations: ['MailItemsAccessed'], days: 7 } as const;
const FAST = { pollDelaysMs: [1] };

describe('readAuditQuery', () => {
  it('creates the search, waits for it, and keeps a reduced first page', async () => {
    const gateway = await gatewayFor(smallTenant(WITH_RECORDS));
    const result = await readAuditQuery(gateway, MAIL, undefined, now, FAST);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = result.data as AuditQueryData;
    expect(data).toMatchObject({
      status: 'succeeded',
      filterStartDateTime: '2026-10-26T12:00:00.000Z',
      filterEndDateTime: '2026-11-02T12:00:00.000Z',
      operations: ['MailItemsAccessed'],
      recordCount: 3,
      morePages: false,
    });
    expect(data.sample?.[0]).toEqual({
      createdDateTime: '2026-11-02T08:00:00Z',
      operation: 'MailItemsAccessed',
      service: 'Exchange',
      userPrincipalName: 'ana@fabrikambakery.com',
      appId: OUTLOOK,
      clientAppId: OUTLOOK,
    });
    expect(JSON.stringify(data)).not.toContain('203.0.113.9');
    expect(data.apps).toEqual([
      { appId: SYNC_APP, records: 2, users: 2, lastSeen: '2026-11-01T09:00:00Z' },
      { appId: OUTLOOK, records: 1, users: 1, lastSeen: '2026-11-02T08:00:00Z' },
    ]);
    const graph = sim!.log.filter((e) => e.service === 'graph');
    expect(graph.map((e) => `${e.method} ${e.status}`)).toEqual([
      'POST 201',
      'GET 200',
      'GET 200',
      'GET 200',
    ]);
    expect(graph.at(-1)?.query).toContain('$top=1000');
  });

  it('searches every operation when none is named', async () => {
    const gateway = await gatewayFor(smallTenant(WITH_RECORDS));
    const result = await readAuditQuery(
      gateway,
      { kind: 'auditQuery', operations: [], days: 7 },
      undefined,
      now,
      { ...FAST, pageSize: 2 },
    );
    expect(result).toMatchObject({
      ok: true,
      data: { status: 'succeeded', recordCount: 2, morePages: true, operations: [] },
    });
  });

  it('reports zero records as a succeeded search with no records', async () => {
    const gateway = await gatewayFor(
      smallTenant({
        'GET /v1.0/security/auditLog/queries/records': { status: 200, body: { value: [] } },
      }),
    );
    const result = await readAuditQuery(gateway, MAIL, undefined, now, FAST);
    expect(result).toMatchObject({
      ok: true,
      data: { status: 'succeeded', recordCount: 0, sample: [], apps: [] },
    });
  });

  it('is forbidden when the app may not create searches', async () => {
    const gateway = await gatewayFor(
      smallTenant({ ...WITH_RECORDS, 'POST /v1.0/security/auditLog/queries': FORBIDDEN }),
    );
    const result = await readAuditQuery(gateway, MAIL, undefined, now, FAST);
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
  });

  it('reports a failed status check as the source error', async () => {
    const gateway = await gatewayFor(
      smallTenant(WITH_RECORDS, [
        { match: 'GET /v1.0/security/auditLog/queries/', status: 500, times: 1 },
      ]),
    );
    const result = await readAuditQuery(gateway, MAIL, undefined, now, FAST);
    expect(result).toMatchObject({ ok: false, error: { kind: 'network', status: 500 } });
  });

  it('gives up after the longest wait and says the search was still running', async () => {
    const gateway = await gatewayFor(smallTenant(WITH_RECORDS));
    const result = await readAuditQuery(gateway, MAIL, undefined, now, {
      pollDelaysMs: [5],
      maxWaitMs: 7,
    });
    expect(result).toMatchObject({ ok: true, data: { status: 'running' } });
    if (result.ok) expect(result.data).not.toHaveProperty('recordCount');
  });

  it('stops waiting when the scan is cancelled', async () => {
    const gateway = await gatewayFor(smallTenant(WITH_RECORDS));
    const controller = new AbortController();
    const pending = readAuditQuery(gateway, MAIL, controller.signal, now, {
      pollDelaysMs: [60_000],
    });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('reducing records', () => {
  it('keeps only the named fields and reads audit data case-insensitively', () => {
    expect(
      sampleOf({
        createdDateTime: '2026-11-01T00:00:00Z',
        operation: 'MailItemsAccessed',
        userPrincipalName: 'a@b.test',
        clientIp: '198.51.100.1',
        auditData: { appid: 'x', ClientAppId: '', Subject: 'Payroll' },
      }),
    ).toEqual({
      createdDateTime: '2026-11-01T00:00:00Z',
      operation: 'MailItemsAccessed',
      userPrincipalName: 'a@b.test',
      appId: 'x',
    });
  });

  it('counts an app once per record even when it is both AppId and ClientAppId', () => {
    expect(appsOf([{ appId: 'A', clientAppId: 'a' }, { appId: 'b' }])).toEqual([
      { appId: 'a', records: 1, users: 0 },
      { appId: 'b', records: 1, users: 0 },
    ]);
  });
});
