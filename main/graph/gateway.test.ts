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
import { CancelledError, GraphGateway, type GraphWait } from './gateway';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function gatewayFor(
  fixture: TenantFixture,
  options: {
    timeoutMs?: number;
    retryDelaySeconds?: number;
    maxRetries?: number;
    budget?: number;
    throttling?: boolean;
    onWait?: (wait: GraphWait) => void;
    /** Fetch the first token before any request, as a scan does. */
    warmToken?: boolean;
  } = {},
) {
  const client = createDemoClient();
  sim = await startSimulator({
    fixture,
    clients: [client],
    ...(options.throttling ? { throttling: true } : {}),
  });
  const tokens = new AppOnlySignIn({
    clientId: client.clientId,
    credential: { kind: 'secret', secret: client.secret },
    networkClient: createSimNetworkClient(sim.base),
  }).forTenant(TENANT_ID);
  if (options.warmToken) await tokens.getAccessToken();
  return new GraphGateway({
    getAccessToken: (options) => tokens.getAccessToken(options),
    transport: createSimGraphSender(sim.base),
    retryDelaySeconds: options.retryDelaySeconds ?? 0,
    ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.budget !== undefined ? { retry: { budget: options.budget } } : {}),
    ...(options.onWait ? { onWait: options.onWait } : {}),
  });
}

const tokenRequests = () =>
  sim!.log.filter((e) => e.service === 'entra' && e.path.endsWith('/oauth2/v2.0/token'));

const ORG = { path: '/organization' };
const USERS = { path: '/users', query: { select: ['id'], top: 999 } };
const DOMAINS = { path: '/domains' };

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

  it('reads again after one malformed body, and reports a body that stays malformed', async () => {
    const once = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/users', kind: 'malformed', times: 1 }]),
    );
    expect((await once.getAll('/users')).ok).toBe(true);
    await sim?.close();
    const always = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/users', kind: 'malformed', times: 50 }]),
      { maxRetries: 2 },
    );
    expect(await always.getAll('/users')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_response' },
    });
    expect(always.requestCount).toBe(3);
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

  it('sends independent reads in one $batch and keeps their answers apart', async () => {
    const gateway = await gatewayFor(smallTenant({ 'GET /v1.0/domains': FORBIDDEN }));
    const [org, users, domains] = await Promise.all(gateway.getMany([ORG, USERS, DOMAINS]));
    expect(org).toMatchObject({ ok: true, data: { value: [{ displayName: 'Fabrikam Bakery' }] } });
    expect((users as { ok: true; data: { value: unknown[] } }).data.value).toHaveLength(7);
    expect(domains).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const calls = sim!.log.filter((e) => e.service === 'graph');
    expect(calls.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /v1.0/$batch']);
    expect(gateway.requestCount).toBe(1);
    expect(gateway.batchedReads).toBe(3);
  });

  it('retries a throttled item of a batch on its own, not before its Retry-After', async () => {
    const waits: GraphWait[] = [];
    const gateway = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/users', status: 429, retryAfter: 1, times: 1 }]),
      { onWait: (w) => waits.push(w) },
    );
    const results = await Promise.all(gateway.getMany([ORG, USERS]));
    expect(results.every((r) => r.ok)).toBe(true);
    const calls = sim!.log.filter((e) => e.service === 'graph').map((e) => `${e.method} ${e.path}`);
    expect(calls).toEqual(['POST /v1.0/$batch', 'GET /v1.0/users']);
    expect(sim!.earlyRetries).toEqual([]);
    expect(waits).toHaveLength(1);
    expect(waits[0]!.seconds).toBeGreaterThanOrEqual(1);
    expect(waits[0]!.label).toMatch(/slow down/);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const date = new Date(Date.now() + 2000).toUTCString();
    const gateway = await gatewayFor(
      smallTenant({
        'GET /v1.0/domains': { status: 429, headers: { 'retry-after': date }, body: {} },
      }),
      { maxRetries: 1 },
    );
    const started = Date.now();
    await gateway.get('/domains');
    // The HTTP date has whole seconds: the wait is at least what is left of them.
    expect(Date.now() - started).toBeGreaterThanOrEqual(Date.parse(date) - started - 5);
    expect(gateway.requestCount).toBe(2);
  });

  it('backs off without Retry-After and stops at the retry budget', async () => {
    const gateway = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/identity/conditionalAccess', status: 429, times: 50 }]),
      { budget: 3 },
    );
    const first = await gateway.get('/identity/conditionalAccess/policies');
    expect(first).toMatchObject({ ok: false, error: { kind: 'throttled' } });
    expect(gateway.retries).toBe(3);
    const second = await gateway.get('/identity/conditionalAccess/policies');
    expect(second).toMatchObject({ ok: false, error: { kind: 'throttled' } });
    expect(gateway.requestCount).toBe(5);
  });

  it('retries with a fresh token when Graph says the cached one expired mid-scan', async () => {
    const gateway = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/users', kind: 'expired-token', times: 1 }]),
    );
    expect((await gateway.getAll('/users')).ok).toBe(true);
    const graph = sim!.log.filter((e) => e.service === 'graph');
    expect(graph.map((e) => e.status)).toEqual([401, 200]);
    // The simulator keeps rejecting the expired token: the retry had to bring another one.
    expect(graph[1]!.tokenId).toBeDefined();
    expect(graph[1]!.tokenId).not.toBe(graph[0]!.tokenId);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('fetches one fresh token for parallel requests that met the same expired token', async () => {
    // Whichever read arrives first finds its token expired; the others arrive with the same one.
    const gateway = await gatewayFor(
      smallTenant({}, [{ match: 'GET /v1.0/', kind: 'expired-token', times: 1 }]),
      { warmToken: true },
    );
    const results = await Promise.all([
      gateway.get('/users'),
      gateway.get('/organization'),
      gateway.get('/domains'),
    ]);
    // The small tenant has no domains: a 404 after sign-in is an answer like any other.
    expect(results.map((r) => r.ok || r.error.kind)).toEqual([true, true, 'not_found']);
    const graph = sim!.log.filter((e) => e.service === 'graph');
    expect(graph.map((e) => e.status).sort()).toEqual([200, 200, 401, 401, 401, 404]);
    const expired = graph.find((e) => e.status === 401 && e.authenticated);
    const served = new Set(graph.filter((e) => e.status !== 401).map((e) => e.tokenId));
    expect(expired?.tokenId).toBeDefined();
    expect(served.size).toBe(1);
    expect(served.has(expired!.tokenId)).toBe(false);
    // One token before the reads, one to replace it.
    expect(tokenRequests()).toHaveLength(2);
  });

  it('stays inside the throttling model: no 429 from paced Conditional Access reads', async () => {
    const gateway = await gatewayFor(smallTenant(), { throttling: true });
    const results = await Promise.all(
      gateway.getMany([
        { path: '/identity/conditionalAccess/policies' },
        { path: '/identity/conditionalAccess/namedLocations' },
        ORG,
      ]),
    );
    expect(results.map((r) => r.ok || r.error.kind)).toEqual(['not_found', 'not_found', true]);
    expect(sim!.log.filter((e) => e.status === 429)).toEqual([]);
  });
});
