import { ConfidentialClientApplication } from '@azure/msal-node';
import {
  AuthenticationHandler,
  Client,
  GraphError,
  PageIterator,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { createDemoClient } from './demo-client';
import { createSimGraphSender, createSimNetworkClient } from './seams';
import { startSimulator, type Simulator } from './server';

const TENANT = 'deadbeef-0000-4000-8000-00000000beef';
const users = Array.from({ length: 5 }, (_, i) => ({
  id: `u${i + 1}`,
  displayName: `User ${i + 1}`,
  userPrincipalName: `u${i + 1}@northwind.com`,
}));

const fixture: TenantFixture = {
  format: 'tenant-fixture/1',
  tenant: { id: TENANT, displayName: 'Northwind', defaultDomain: 'northwind.com' },
  graph: {
    'GET /v1.0/users': { status: 200, body: { value: users } },
    'GET /v1.0/organization': {
      status: 200,
      body: { value: [{ id: TENANT, displayName: 'Northwind' }] },
    },
    'GET /v1.0/auditLogs/signIns': {
      status: 403,
      body: {
        error: {
          code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
          message: 'No premium licence.',
        },
      },
    },
  },
  faults: [{ match: 'GET /v1.0/organization', status: 429, retryAfter: 1, times: 1 }],
};

const demo = createDemoClient(9);
let sim: Simulator;
let client: Client;

beforeAll(async () => {
  sim = await startSimulator({ fixture, clients: [demo], seed: 9 });
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: demo.clientId,
      authority: `https://login.microsoftonline.com/${TENANT}`,
      clientSecret: demo.secret,
    },
    system: { networkClient: createSimNetworkClient(sim.base) },
  });
  const provider: AuthenticationProvider = {
    getAccessToken: async () => {
      const result = await msal.acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      });
      if (!result) throw new Error('no token');
      return result.accessToken;
    },
  };
  const middleware: Middleware[] = [
    new AuthenticationHandler(provider),
    new RetryHandler(new RetryHandlerOptions(1, 3)),
    createSimGraphSender(sim.base),
  ];
  client = Client.initWithMiddleware({ middleware });
});
afterAll(async () => {
  await sim.close();
});

const graphLog = () => sim.log.filter((e) => e.service === 'graph');

describe('Graph client through the simulator sender', () => {
  it('reads a collection and follows its nextLink, with the token attached', async () => {
    const first = (await client.api('/users').top(2).select(['id', 'displayName']).get()) as {
      value: { id: string }[];
      '@odata.nextLink': string;
    };
    expect(first.value.map((u) => u.id)).toEqual(['u1', 'u2']);
    expect(first['@odata.nextLink']).toMatch(
      /^https:\/\/graph\.microsoft\.com\/v1\.0\/users\?\$top=2&\$select=id,displayName&\$skiptoken=/,
    );
    const second = (await client.api(first['@odata.nextLink']).get()) as {
      value: { id: string }[];
    };
    expect(second.value.map((u) => u.id)).toEqual(['u3', 'u4']);
    expect(graphLog().every((e) => e.authenticated)).toBe(true);
  });

  it('walks every page with PageIterator', async () => {
    const seen: string[] = [];
    const firstPage = await client.api('/users').top(2).get();
    const iterator = new PageIterator(client, firstPage, (user: { id: string }) => {
      seen.push(user.id);
      return true;
    });
    await iterator.iterate();
    expect(seen).toEqual(users.map((u) => u.id));
  });

  it('lets the real RetryHandler wait out a 429 with Retry-After', async () => {
    const started = Date.now();
    const org = (await client.api('/organization').get()) as { value: { displayName: string }[] };
    expect(org.value[0]?.displayName).toBe('Northwind');
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(
      graphLog()
        .filter((e) => e.path === '/v1.0/organization')
        .map((e) => e.status),
    ).toEqual([429, 200]);
  });

  it('surfaces a stored error as GraphError with its status and code', async () => {
    const error = await client
      .api('/auditLogs/signIns')
      .get()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).statusCode).toBe(403);
    expect((error as GraphError).code).toBe(
      'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
    );
  });

  it('refuses to send anywhere but graph.microsoft.com', async () => {
    await expect(client.api('https://example.com/v1.0/users').get()).rejects.toThrow(
      /graph\.microsoft\.com/,
    );
  });
});

describe('createDemoClient', () => {
  it('keeps the client id for a seed and makes a new secret each time', () => {
    const again = createDemoClient(9);
    expect(again.clientId).toBe(demo.clientId);
    expect(again.secret).not.toBe(demo.secret);
    expect(createDemoClient(10).clientId).not.toBe(demo.clientId);
  });
});
