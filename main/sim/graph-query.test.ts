import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantFixture } from '../../shared/fixture/tenant-fixture';
import { startSimulator, type Simulator } from './server';

const TENANT = 'a1b2c3d4-0000-4000-8000-000000000002';
const CLIENT = { clientId: '0f0f0f0f-1111-4222-8333-555555555555', secret: 'query-test-secret' };
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const GRAPH_SP = 'sp-graph-0001';
const MAIL_READ = '810c84a8-4a9e-49e6-bf7d-12d183f40d01';

const signIns = [
  { id: 's1', createdDateTime: '2026-11-27T09:00:00Z', userPrincipalName: 'ada@contoso.com' },
  { id: 's2', createdDateTime: '2026-11-20T09:00:00Z', userPrincipalName: 'bob@contoso.com' },
  { id: 's3', createdDateTime: '2026-11-02T09:00:00Z', userPrincipalName: 'ada@contoso.com' },
];

const fixture: TenantFixture = {
  format: 'tenant-fixture/1',
  tenant: { id: TENANT, displayName: 'Contoso', defaultDomain: 'contoso.com' },
  graph: {
    'GET /v1.0/users': {
      status: 200,
      body: {
        value: [
          { id: 'u1', displayName: 'Ada', userType: 'Member', accountEnabled: true },
          { id: 'u2', displayName: 'Bob', userType: 'Guest', accountEnabled: true },
          { id: 'u3', displayName: 'Cy', userType: 'Member', accountEnabled: false },
        ],
      },
    },
    'GET /v1.0/auditLogs/signIns': { status: 200, body: { value: signIns } },
    'GET /v1.0/servicePrincipals': {
      status: 200,
      body: {
        value: [
          { id: GRAPH_SP, appId: GRAPH_APP_ID, displayName: 'Microsoft Graph' },
          { id: 'sp-app-0002', appId: 'app-0002', displayName: 'Backup App' },
        ],
      },
    },
    [`GET /v1.0/servicePrincipals/${GRAPH_SP}/appRoleAssignedTo`]: {
      status: 200,
      body: {
        value: [
          { id: 'a1', principalId: 'sp-app-0002', appRoleId: MAIL_READ, resourceId: GRAPH_SP },
          { id: 'a2', principalId: 'sp-app-0003', appRoleId: 'other', resourceId: GRAPH_SP },
        ],
      },
    },
    'GET /v1.0/applications': {
      status: 403,
      body: {
        error: {
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
        },
      },
    },
    'GET /v1.0/policies/roleManagementPolicyAssignments': {
      status: 200,
      body: {
        value: [
          {
            id: 'Directory_t_p1_ga',
            policyId: 'p1',
            scopeId: '/',
            scopeType: 'DirectoryRole',
            roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10',
            policy: { id: 'p1', rules: [{ id: 'Approval_EndUser_Assignment' }] },
          },
          {
            id: 'Directory_t_p2_other',
            policyId: 'p2',
            scopeId: '/administrativeUnits/x',
            scopeType: 'DirectoryRole',
            roleDefinitionId: '62e90394-69f5-4237-9190-012177145e10',
            policy: { id: 'p2', rules: [] },
          },
        ],
      },
    },
  },
};

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ fixture, clients: [CLIENT], seed: 11 });
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
  token = ((await response.json()) as { access_token: string }).access_token;
});
afterAll(async () => {
  await sim.close();
});

async function get(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sim.base}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ids = (body: Record<string, unknown>) =>
  (body.value as { id: string }[]).map((item) => item.id);

describe('$filter', () => {
  it('filters a collection, and counts only the matching items', async () => {
    const filter = encodeURIComponent("userType eq 'Member' and accountEnabled eq true");
    const { status, body } = await get(`/v1.0/users?$filter=${filter}&$count=true`);
    expect(status).toBe(200);
    expect(ids(body)).toEqual(['u1']);
    expect(body['@odata.count']).toBe(1);
  });

  it('reads the last week of sign-ins with an unquoted date-time, across pages', async () => {
    const filter = encodeURIComponent('createdDateTime ge 2026-11-19T00:00:00.000Z');
    const first = await get(`/v1.0/auditLogs/signIns?$filter=${filter}&$top=1`);
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual(['s1']);
    const next = String(first.body['@odata.nextLink']);
    expect(next).toContain('$filter=');
    const second = await fetch(next, { headers: { authorization: `Bearer ${token}` } });
    const page = (await second.json()) as Record<string, unknown>;
    expect(ids(page)).toEqual(['s2']);
    expect(page['@odata.nextLink']).toBeUndefined();
  });

  it('reads the role-setting assignments the way the scan asks for them', async () => {
    const filter = encodeURIComponent("scopeId eq '/' and scopeType eq 'DirectoryRole'");
    const { status, body } = await get(
      `/v1.0/policies/roleManagementPolicyAssignments?$filter=${filter}&$expand=policy($expand=rules)`,
    );
    expect(status).toBe(200);
    expect(ids(body)).toEqual(['Directory_t_p1_ga']);
    const [first] = body.value as { policy: { rules: unknown[] } }[];
    expect(first?.policy.rules).toHaveLength(1);
  });

  it("answers Graph's 400 for an expression outside the subset", async () => {
    const { status, body } = await get(
      `/v1.0/users?$filter=${encodeURIComponent("endswith(displayName,'a')")}`,
    );
    expect(status).toBe(400);
    const error = body.error as { code: string; message: string };
    expect(error.code).toBe('BadRequest');
    expect(error.message).toMatch(/^Invalid filter clause/);
  });
});

describe('alternate keys', () => {
  it("serves servicePrincipals(appId='…')/appRoleAssignedTo from the item's stored path", async () => {
    const { status, body } = await get(
      `/v1.0/servicePrincipals(appId='${GRAPH_APP_ID}')/appRoleAssignedTo?$top=999`,
    );
    expect(status).toBe(200);
    expect(ids(body)).toEqual(['a1', 'a2']);
  });

  it('accepts the key percent-encoded and serves the item itself', async () => {
    const { status, body } = await get(
      `/v1.0/servicePrincipals%28appId%3D%27${GRAPH_APP_ID}%27%29?$select=displayName`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: GRAPH_SP, displayName: 'Microsoft Graph' });
    expect(body.appId).toBeUndefined();
  });

  it('applies $filter to the resolved collection', async () => {
    const filter = encodeURIComponent(`appRoleId eq '${MAIL_READ}'`);
    const { body } = await get(
      `/v1.0/servicePrincipals(appId='${GRAPH_APP_ID}')/appRoleAssignedTo?$filter=${filter}`,
    );
    expect(ids(body)).toEqual(['a1']);
  });

  it('answers 404 when no item has that key, and passes a stored error through', async () => {
    const missing = await get(
      "/v1.0/servicePrincipals(appId='00000002-0000-0ff1-ce00-000000000000')/appRoleAssignedTo",
    );
    expect(missing.status).toBe(404);
    expect((missing.body.error as { code: string }).code).toBe('Request_ResourceNotFound');
    const noCollection = await get("/v1.0/groups(uniqueName='x')");
    expect(noCollection.status).toBe(404);
    const denied = await get("/v1.0/applications(appId='app-0002')");
    expect(denied.status).toBe(403);
  });
});
