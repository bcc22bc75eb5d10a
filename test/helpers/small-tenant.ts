import type { TenantFixture } from '../../shared/fixture/tenant-fixture';

export const TENANT_ID = 'c0ffee00-0000-4000-8000-000000000001';

/** A small, valid tenant fixture for tests; `graph` entries override or add answers. */
export function smallTenant(
  graph: TenantFixture['graph'] = {},
  faults: TenantFixture['faults'] = [],
): TenantFixture {
  return {
    format: 'tenant-fixture/1',
    tenant: { id: TENANT_ID, displayName: 'Fabrikam Bakery', defaultDomain: 'fabrikambakery.com' },
    graph: {
      'GET /v1.0/organization': {
        status: 200,
        body: {
          value: [
            {
              id: TENANT_ID,
              displayName: 'Fabrikam Bakery',
              verifiedDomains: [{ name: 'fabrikambakery.com', isDefault: true }],
            },
          ],
        },
      },
      'GET /v1.0/users': {
        status: 200,
        body: {
          value: Array.from({ length: 7 }, (_, i) => ({
            id: `00000000-0000-4000-8000-0000000000${String(i + 10)}`,
            displayName: `Baker ${i + 1}`,
            userPrincipalName: `baker${i + 1}@fabrikambakery.com`,
            userType: 'Member',
            accountEnabled: true,
          })),
        },
      },
      ...graph,
    },
    faults,
  };
}

export const FORBIDDEN = {
  status: 403,
  body: {
    error: {
      code: 'Authorization_RequestDenied',
      message: 'Insufficient privileges to complete the operation.',
    },
  },
};
