import { describe, expect, it } from 'vitest';
import type { TenantSnapshot } from '../../shared/models/snapshot';
import { snapshotToFixture } from './snapshot-to-fixture';

const at = '2026-11-20T18:00:00.000Z';

const snapshot: TenantSnapshot = {
  format: 'tenant-snapshot/1',
  tenant: { id: 't1', displayName: 'Fabrikam', defaultDomain: 'fabrikam.com' },
  collectedAt: at,
  sources: {
    users: { ok: true, fetchedAt: at, data: [{ id: 'u1', displayName: 'Ann' }] },
    userSignInActivity: {
      ok: true,
      fetchedAt: at,
      data: [{ id: 'u1', signInActivity: { lastSignInDateTime: at } }],
    },
    authorizationPolicy: { ok: true, fetchedAt: at, data: { id: 'authorizationPolicy' } },
    applications: {
      ok: true,
      fetchedAt: at,
      data: [{ id: 'a1', passwordCredentials: [{ keyId: 'k', secretText: 'shh', hint: 'shh' }] }],
    },
    domains: {
      ok: false,
      fetchedAt: at,
      error: { kind: 'forbidden', status: 403, code: 'Authorization_RequestDenied', message: 'no' },
    },
    organization: { ok: false, fetchedAt: at, error: { kind: 'network', message: 'timed out' } },
    mailDns: {
      ok: true,
      fetchedAt: at,
      data: {
        domains: [
          {
            domain: 'fabrikam.com',
            spf: { status: 'found', records: ['v=spf1 -all'] },
            dmarc: { status: 'missing', reason: 'nxdomain' },
            mx: { status: 'found', records: [{ exchange: 'mx.fabrikam.com', priority: 0 }] },
            dkim: [
              {
                selector: 'selector1',
                name: 'selector1._domainkey.fabrikam.com',
                cname: {
                  status: 'found',
                  records: ['selector1-fabrikam._domainkey.x.onmicrosoft.com'],
                },
                txt: { status: 'found', records: ['v=DKIM1; p=abc'] },
              },
            ],
          },
        ],
      },
    },
  },
};

describe('snapshotToFixture', () => {
  const fixture = snapshotToFixture(snapshot, [], new Date(at));

  it('stores one collection per path with every field read, and entities as they are', () => {
    expect(fixture.graph['GET /v1.0/users']).toEqual({
      status: 200,
      body: {
        value: [{ id: 'u1', displayName: 'Ann', signInActivity: { lastSignInDateTime: at } }],
      },
    });
    expect(fixture.graph['GET /v1.0/policies/authorizationPolicy']?.body).toEqual({
      id: 'authorizationPolicy',
    });
    expect(fixture.recordedAt).toBe('2026-11-20T18:00:00Z');
  });

  it('keeps Graph refusals as Graph answered them and leaves out answers that never came', () => {
    expect(fixture.graph['GET /v1.0/domains']).toEqual({
      status: 403,
      body: { error: { code: 'Authorization_RequestDenied', message: 'no' } },
    });
    expect(fixture.graph['GET /v1.0/organization']).toBeUndefined();
  });

  it('removes secrets and keeps the DNS answers used, following DKIM CNAMEs', () => {
    expect(JSON.stringify(fixture)).not.toMatch(/shh|secretText/);
    expect(fixture.dns).toEqual({
      'fabrikam.com': { TXT: ['v=spf1 -all'], MX: [{ exchange: 'mx.fabrikam.com', priority: 0 }] },
      'selector1._domainkey.fabrikam.com': {
        CNAME: ['selector1-fabrikam._domainkey.x.onmicrosoft.com'],
      },
      'selector1-fabrikam._domainkey.x.onmicrosoft.com': { TXT: ['v=DKIM1; p=abc'] },
    });
  });
});
