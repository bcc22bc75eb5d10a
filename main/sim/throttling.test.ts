import { afterEach, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { startSimulator, type Simulator } from './server';

const TENANT = 'a1b2c3d4-0000-4000-8000-000000000002';
const CLIENT = { clientId: '0f0f0f0f-1111-4222-8333-555555555555', secret: 'test-secret-value' };

const fixture: TenantFixture = {
  format: 'tenant-fixture/1',
  tenant: { id: TENANT, displayName: 'Contoso', defaultDomain: 'contoso.com' },
  graph: {
    'GET /v1.0/users': { status: 200, body: { value: [{ id: 'u1' }] } },
    'GET /v1.0/groups': { status: 200, body: { value: [{ id: 'g1' }] } },
    'GET /v1.0/auditLogs/signIns': { status: 200, body: { value: [] } },
    'GET /v1.0/identity/conditionalAccess/policies': { status: 200, body: { value: [] } },
  },
  faults: [{ match: 'GET /v1.0/users', status: 429, retryAfter: 2, times: 1 }],
};

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(throttling: boolean) {
  sim = await startSimulator({ fixture, clients: [CLIENT], throttling });
  const response = await fetch(`${sim.base}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CLIENT.clientId,
      client_secret: CLIENT.secret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  const token = ((await response.json()) as { access_token: string }).access_token;
  const base = sim.base;
  return (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...(init.headers as Record<string, string> | undefined),
      },
    });
}

describe('the throttling model over HTTP', () => {
  it('throttles the sixth report read in ten seconds with Retry-After and throttle headers', async () => {
    const get = await start(true);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await get(`/v1.0/auditLogs/signIns?$top=${i + 1}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const again = await get('/v1.0/auditLogs/signIns?$top=50');
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(again.headers.get('x-ms-throttle-scope')).toMatch(/^Tenant_Application\/Read\//);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
      'TooManyRequests',
    );
  });

  it('throttles Conditional Access without Retry-After, also inside a batch', async () => {
    const get = await start(true);
    const batch = await get('/v1.0/$batch', {
      method: 'POST',
      body: JSON.stringify({
        requests: [
          { id: '1', method: 'GET', url: '/identity/conditionalAccess/policies' },
          { id: '2', method: 'GET', url: '/identity/conditionalAccess/policies?$top=5' },
          { id: '3', method: 'GET', url: '/groups?$select=id' },
        ],
      }),
    });
    const { responses } = (await batch.json()) as {
      responses: { id: string; status: number; headers: Record<string, string> }[];
    };
    expect(responses.map((r) => r.status)).toEqual([200, 429, 200]);
    expect(responses[1]!.headers['retry-after']).toBeUndefined();
    expect(responses[2]!.headers['x-ms-resource-unit']).toBe('1');
  });

  it('records a client that retries before Retry-After has passed', async () => {
    const get = await start(false);
    expect((await get('/v1.0/users')).status).toBe(429);
    expect((await get('/v1.0/users')).status).toBe(200);
    expect(sim!.earlyRetries).toHaveLength(1);
    expect(sim!.earlyRetries[0]!.request).toBe('GET /v1.0/users');
    expect(sim!.earlyRetries[0]!.earlyByMs).toBeGreaterThan(1000);
  });
});
