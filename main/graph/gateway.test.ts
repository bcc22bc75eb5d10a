import { afterEach, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { AppOnlySignIn } from '../auth/app-only';
import {
  createDemoClient,
  createSimGraphSender,
  createSimNetworkClient,
  startSimulator,
  type Simulator,
} from '../sim';
import { FORBIDDEN, smallTenant, TENANT_ID } from '../../test/helpers/small-tenant';
import { CancelledError, GraphGateway } from './gateway';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function gatewayFor(
  fixture: TenantFixture,
  options: { timeoutMs?: number; retryDelaySeconds?: number; maxRetries?: number } = {},
) {
  const client = createDemoClient();
  sim = await startSimulator({ fixture, clients: [client] });
  const tokens = new AppOnlySignIn({
    clientId: client.clientId,
    credential: { kind: 'secret', secret: client.secret },
    networkClient: createSimNetworkClient(sim.base),
  }).forTenant(TENANT_ID);
  return new GraphGateway({
    getAccessToken: () => tokens.getAccessToken(),
    transport: createSimGraphSender(sim.base),
    retryDelaySeconds: options.retryDelaySeconds ?? 0,
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
}

describe('GraphGateway', () => {
  it('reads a whole collection across pages with the real Graph client', async () => {
    const gateway = await gatewayFor(smallTenant());
    const result = await gateway.getAll('/users', { select: ['id', 'displayName'], top: 3 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toHaveLength(7);
    expect(Object.keys(result.data[0] as object).sort()).toEqual(['displayName', 'id']);
    const graphCalls = sim!.log.filter((e) => e.service === 'graph' && e.path === '/v1.0/users');
    expect(graphCalls).toHaveLength(3);
    expect(graphCalls.every((e) => e.authenticated)).toBe(true);
    expect(gateway.requestCount).toBe(3);
  });

  it('types Graph errors: forbidden, not licensed, not found', async () => {
    const gateway = await gatewayFor(
      smallTenant({
        'GET /v1.0/domains': FORBIDDEN,
        'GET /v1.0/auditLogs/signIns': {
          status: 403,
          body: {
            error: {
              code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
              message: "Neither tenant is B2C or tenant doesn't have premium license",
            },
          },
        },
      }),
    );
    const forbidden = await gateway.getAll('/domains');
    expect(forbidden).toMatchObject({
      ok: false,
      error: { kind: 'forbidden', status: 403, code: 'Authorization_RequestDenied' },
    });
    const licence = await gateway.getAll('/auditLogs/signIns');
    expect(licence).toMatchObject({ ok: false, error: { kind: 'not_licensed', status: 403 } });
    const missing = await gateway.get('/admin/sharepoint/settings');
    expect(missing).toMatchObject({ ok: false, error: { kind: 'not_found', status: 404 } });
  });

  it('honours Retry-After on 429 and then succeeds', async () => {
    const gateway = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/users', status: 429, retryAfter: 1, times: 1 }]),
    );
    const started = Date.now();
    const result = await gateway.getAll('/users');
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(gateway.requestCount).toBe(2);
  });

  it('reports throttling that outlasts the retries as throttled, never as data', async () => {
    const gateway = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/users', status: 429, times: 50 }]),
      {
        maxRetries: 1,
      },
    );
    const result = await gateway.getAll('/users');
    expect(result).toMatchObject({ ok: false, error: { kind: 'throttled', status: 429 } });
  });

  it('turns a malformed body into invalid_response', async () => {
    const gateway = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/users', kind: 'malformed', times: 1 }]),
    );
    const result = await gateway.getAll('/users');
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid_response' } });
  });

  it('turns a collection without "value" into invalid_response', async () => {
    const gateway = await gatewayFor(
      smallTenant({ 'GET /v1.0/domains': { status: 200, body: { unexpected: true } } }),
    );
    expect(await gateway.getAll('/domains')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response' },
    });
  });

  it('gives up on a request that never answers, as a network error', async () => {
    const gateway = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/users', kind: 'timeout', times: 10 }]),
      {
        timeoutMs: 300,
      },
    );
    const result = await gateway.getAll('/users');
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('stops when the caller cancels', async () => {
    const gateway = await gatewayFor(smallTenant());
    const controller = new AbortController();
    controller.abort();
    await expect(gateway.getAll('/users', undefined, controller.signal)).rejects.toBeInstanceOf(
      CancelledError,
    );
  });
});
