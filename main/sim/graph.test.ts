import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { startSimulator, type Simulator } from './server';

const TENANT = 'a1b2c3d4-0000-4000-8000-000000000001';
const CLIENT = { clientId: '0f0f0f0f-1111-4222-8333-444444444444', secret: 'test-secret-value' };

const users = Array.from({ length: 5 }, (_, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i + 1}`,
  userPrincipalName: `user${i + 1}@contoso.com`,
  displayName: `User ${i + 1}`,
  mail: `user${i + 1}@contoso.com`,
}));

const fixture: TenantFixture = {
  format: 'tenant-fixture/1',
  tenant: { id: TENANT, displayName: 'Contoso', defaultDomain: 'contoso.com' },
  graph: {
    'GET /v1.0/users': { status: 200, body: { value: users } },
    'GET /v1.0/groups': {
      status: 200,
      body: {
        value: Array.from({ length: 150 }, (_, i) => ({ id: `g${i}`, displayName: `Group ${i}` })),
      },
    },
    'GET /v1.0/policies/authorizationPolicy': {
      status: 200,
      body: { id: 'authorizationPolicy', allowInvitesFrom: 'everyone', blockMsolPowerShell: false },
    },
    'GET /v1.0/auditLogs/signIns': {
      status: 403,
      body: {
        error: {
          code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
          message: "Neither tenant is B2C or tenant doesn't have premium license",
        },
      },
    },
    'GET /v1.0/subscribedSkus': { status: 200, body: { value: [{ skuPartNumber: 'SPB' }] } },
    'GET /v1.0/domains': { status: 200, body: { value: [{ id: 'contoso.com' }] } },
    'GET /v1.0/organization': {
      status: 200,
      body: { value: [{ id: TENANT, displayName: 'Contoso' }] },
    },
    'GET /v1.0/identity/conditionalAccess/policies': { status: 200, body: { value: [] } },
  },
  faults: [
    { match: 'GET /v1.0/subscribedSkus', status: 429, retryAfter: 1, times: 2 },
    { match: 'GET /v1.0/domains', kind: 'malformed' },
    { match: 'GET /v1.0/organization', kind: 'truncated' },
    { match: 'GET /v1.0/identity/conditionalAccess', kind: 'timeout' },
  ],
};

let sim: Simulator;
let token: string;

async function appToken(base: string): Promise<string> {
  const response = await fetch(`${base}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: CLIENT.clientId,
      client_secret: CLIENT.secret,
      scope: 'https://graph.microsoft.com/.default',
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

function get(path: string, headers: Record<string, string> = {}, init: RequestInit = {}) {
  return fetch(path.startsWith('http') ? path : `${sim.base}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
}

beforeAll(async () => {
  sim = await startSimulator({ fixture, clients: [CLIENT], seed: 7 });
  token = await appToken(sim.base);
});
afterAll(async () => {
  await sim.close();
});

describe('authentication', () => {
  it('answers 401 InvalidAuthenticationToken without a token or with a bad one', async () => {
    const none = await fetch(`${sim.base}/v1.0/users`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      'InvalidAuthenticationToken',
    );

    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const bad of ['not-a-jwt', forged]) {
      const response = await get('/v1.0/users', { authorization: `Bearer ${bad}` });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'InvalidAuthenticationToken',
      );
    }
    expect(
      sim.log
        .filter((e) => e.service === 'graph' && e.status === 401)
        .every((e) => !e.authenticated),
    ).toBe(true);
  });

  it('refuses a token whose lifetime is over', async () => {
    let now = Date.now();
    const other = await startSimulator({ fixture, clients: [CLIENT], seed: 7, clock: () => now });
    try {
      const early = await appToken(other.base);
      now += 2 * 3600 * 1000;
      const response = await fetch(`${other.base}/v1.0/users`, {
        headers: { authorization: `Bearer ${early}` },
      });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
        /expired/,
      );
    } finally {
      await other.close();
    }
  });

  it('keeps refusing a token an expired-token fault rejected, and takes a new one', async () => {
    const other = await startSimulator({
      fixture: { ...fixture, faults: [{ match: 'GET /v1.0/users', kind: 'expired-token' }] },
      clients: [CLIENT],
      seed: 7,
    });
    try {
      const rejected = await appToken(other.base);
      const read = (bearer: string) =>
        fetch(`${other.base}/v1.0/users`, { headers: { authorization: `Bearer ${bearer}` } });
      expect((await read(rejected)).status).toBe(401);
      const again = await read(rejected);
      expect(again.status).toBe(401);
      expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
        /expired/,
      );
      const fresh = await appToken(other.base);
      expect((await read(fresh)).status).toBe(200);
      const reads = other.log.filter((e) => e.service === 'graph');
      expect(reads.map((e) => [e.status, e.authenticated])).toEqual([
        [401, true],
        [401, false],
        [200, true],
      ]);
      expect(reads[0]!.tokenId).toMatch(/^[\w-]{22}$/);
      expect(reads[2]!.tokenId).toMatch(/^[\w-]{22}$/);
      expect(reads[2]!.tokenId).not.toBe(reads[0]!.tokenId);
    } finally {
      await other.close();
    }
  });
});

describe('collections', () => {
  it('pages with $top and nextLinks on the host the client addressed', async () => {
    const seen: string[] = [];
    const first = await get('/v1.0/users?$top=2&$select=id,displayName', {
      'x-forwarded-host': 'graph.microsoft.com',
      'x-forwarded-proto': 'https',
    });
    expect(first.headers.get('content-type')).toBe('application/json');
    let page = (await first.json()) as {
      value: Record<string, unknown>[];
      '@odata.nextLink'?: string;
      '@odata.context': string;
    };
    expect(page['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#users(id,displayName)',
    );
    let pages = 1;
    for (;;) {
      seen.push(...page.value.map((u) => String(u.id)));
      expect(page.value.every((u) => Object.keys(u).sort().join() === 'displayName,id')).toBe(true);
      const next = page['@odata.nextLink'];
      if (!next) break;
      const url = new URL(next);
      expect(url.origin).toBe('https://graph.microsoft.com');
      expect(url.searchParams.get('$top')).toBe('2');
      expect(url.searchParams.get('$select')).toBe('id,displayName');
      const response = await get(`${url.pathname}${url.search}`, {
        'x-forwarded-host': 'graph.microsoft.com',
        'x-forwarded-proto': 'https',
      });
      page = (await response.json()) as typeof page;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(users.map((u) => u.id));
  });

  it('uses pages of 100 by default and counts with $count=true', async () => {
    const response = await get('/v1.0/groups?$count=true');
    const body = (await response.json()) as {
      value: unknown[];
      '@odata.count': number;
      '@odata.nextLink': string;
    };
    expect(body.value).toHaveLength(100);
    expect(body['@odata.count']).toBe(150);
    expect(
      body['@odata.nextLink'].startsWith(`${sim.base}/v1.0/groups?$count=true&$skiptoken=`),
    ).toBe(true);
    const rest = (await (await get(body['@odata.nextLink'])).json()) as {
      value: unknown[];
      '@odata.nextLink'?: string;
    };
    expect(rest.value).toHaveLength(50);
    expect(rest['@odata.nextLink']).toBeUndefined();
  });

  it('rejects a skip token it did not issue', async () => {
    const response = await get('/v1.0/users?$skiptoken=bogus');
    expect(response.status).toBe(400);
  });
});

describe('entities and items', () => {
  it('applies $select to a single entity', async () => {
    const body = (await (
      await get('/v1.0/policies/authorizationPolicy?$select=allowInvitesFrom')
    ).json()) as Record<string, unknown>;
    expect(body).toEqual({
      '@odata.context': `${sim.base}/v1.0/$metadata#policies/authorizationPolicy/$entity`,
      id: 'authorizationPolicy',
      allowInvitesFrom: 'everyone',
    });
  });

  it('serves an item from its collection by id or userPrincipalName, and 404s a missing one', async () => {
    const byId = (await (await get(`/v1.0/users/${users[2]!.id.toUpperCase()}`)).json()) as {
      displayName: string;
    };
    expect(byId.displayName).toBe('User 3');
    const byUpn = (await (
      await get('/v1.0/users/USER4%40contoso.com?$select=mail')
    ).json()) as Record<string, unknown>;
    expect(byUpn.mail).toBe('user4@contoso.com');
    expect(byUpn.displayName).toBeUndefined();
    const missing = await get('/v1.0/users/nobody@contoso.com');
    expect(missing.status).toBe(404);
  });

  it('answers an absent key with the Graph 404 envelope and echoes client-request-id', async () => {
    const response = await get('/v1.0/security/secureScores', { 'client-request-id': 'abc-123' });
    expect(response.status).toBe(404);
    expect(response.headers.get('client-request-id')).toBe('abc-123');
    const requestId = response.headers.get('request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as {
      error: { code: string; message: string; innerError: Record<string, string> };
    };
    expect(body.error.code).toBe('Request_ResourceNotFound');
    expect(body.error.message).toBe(
      "Resource 'secureScores' does not exist or one of its queried reference-property objects are not present.",
    );
    expect(body.error.innerError['request-id']).toBe(requestId);
    expect(body.error.innerError['client-request-id']).toBe('abc-123');
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('passes a stored error through', async () => {
    const response = await get('/v1.0/auditLogs/signIns');
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    );
  });

  it('answers an unsupported $filter and unknown options with Graph 400 BadRequest', async () => {
    for (const query of ["$filter=userType in ('Guest')", '$orderby=displayName']) {
      const response = await get(`/v1.0/users?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BadRequest');
    }
    const filter = (await (await get("/v1.0/users?$filter=userType in ('Guest')")).json()) as {
      error: { message: string };
    };
    expect(filter.error.message).toMatch(/^Invalid filter clause/);
  });

  it('refuses writes', async () => {
    const response = await get('/v1.0/users/x', {}, { method: 'PATCH', body: '{}' });
    expect(response.status).toBe(405);
  });
});

describe('$batch', () => {
  it('answers the inner requests, flags /v1.0 inner urls and enforces the limit of 20', async () => {
    const batch = (requests: unknown[]) =>
      get(
        '/v1.0/$batch',
        { 'content-type': 'application/json' },
        { method: 'POST', body: JSON.stringify({ requests }) },
      );
    const response = await batch([
      { id: '1', method: 'GET', url: '/users?$top=1&$select=id' },
      { id: '2', method: 'GET', url: '/v1.0/organization' },
      { id: '3', method: 'GET', url: 'auditLogs/signIns', dependsOn: ['1'] },
    ]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      responses: { id: string; status: number; body: Record<string, unknown> }[];
    };
    expect(body.responses.map((r) => [r.id, r.status])).toEqual([
      ['1', 200],
      ['2', 400],
      ['3', 403],
    ]);
    expect(body.responses[0]!.body.value).toEqual([{ id: users[0]!.id }]);
    const tooMany = await batch(
      Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users' })),
    );
    expect(tooMany.status).toBe(400);
  });
});

describe('faults', () => {
  it('throttles twice with Retry-After, then serves the real answer', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await get('/v1.0/subscribedSkus');
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('1');
      const body = (await response.json()) as {
        error: { code: string; innerError: Record<string, string> };
      };
      expect(body.error.code).toBe('TooManyRequests');
      expect(body.error.innerError.status).toBe('429');
    }
    const ok = await get('/v1.0/subscribedSkus');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('retry-after')).toBeNull();
  });

  it('sends a malformed body once', async () => {
    const bad = await get('/v1.0/domains');
    expect(bad.status).toBe(200);
    await expect(bad.json()).rejects.toThrow();
    expect((await get('/v1.0/domains')).status).toBe(200);
  });

  it('drops the connection half way through a truncated body', async () => {
    const cut = await get('/v1.0/organization');
    expect(cut.status).toBe(200);
    await expect(cut.text()).rejects.toThrow();
    expect(
      ((await (await get('/v1.0/organization')).json()) as { value: unknown[] }).value,
    ).toHaveLength(1);
  });

  it('holds a timed-out request until the simulator closes', async () => {
    const other = await startSimulator({ fixture, clients: [CLIENT], seed: 7 });
    const otherToken = await appToken(other.base);
    const pending = fetch(`${other.base}/v1.0/identity/conditionalAccess/policies`, {
      headers: { authorization: `Bearer ${otherToken}` },
    });
    const outcome = await Promise.race([
      pending.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 300)),
    ]);
    expect(outcome).toBe('still waiting');
    expect(other.log.at(-1)).toMatchObject({
      path: '/v1.0/identity/conditionalAccess/policies',
      status: 0,
    });
    const started = Date.now();
    await other.close();
    await expect(pending).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('determinism', () => {
  it('gives the same request ids for the same seed and requests', async () => {
    const ids: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const other = await startSimulator({ fixture, clients: [CLIENT], seed: 42 });
      try {
        const t = await appToken(other.base);
        const response = await fetch(`${other.base}/v1.0/users`, {
          headers: { authorization: `Bearer ${t}` },
        });
        ids.push([response.headers.get('request-id') ?? '']);
      } finally {
        await other.close();
      }
    }
    expect(ids[0]).toEqual(ids[1]);
  });
});
