import { describe, expect, it } from 'vitest';
import demoFixture from '../assets/demo/contoso-dental.json';
import { tenantFixtureSchema } from '../shared/fixture/tenant-fixture';
import { EMPTY_TENANT_SETTINGS } from '../shared/models/tenant';
import { runScan, toScanJson, type ScanProgress } from '../main/engine/scan';
import { openSimulatedTenant } from '../main/engine/simulated-tenant';

describe('a scan of the demo tenant', () => {
  it('signs in through MSAL and reads every source through the Graph client', async () => {
    const fixture = tenantFixtureSchema.parse(demoFixture);
    const tenant = await openSimulatedTenant(fixture, 'demo');
    const events: ScanProgress[] = [];
    try {
      const result = await runScan({
        connection: tenant.connection,
        profile: 'cis',
        settings: EMPTY_TENANT_SETTINGS,
        onProgress: (e) => events.push(e),
      });
      const log = tenant.simulator.log;
      const tokenCalls = log.filter(
        (e) => e.service === 'entra' && e.path === `/${fixture.tenant.id}/oauth2/v2.0/token`,
      );
      expect(tokenCalls).toHaveLength(1);
      expect(tokenCalls[0]).toMatchObject({
        method: 'POST',
        grantType: 'client_credentials',
        status: 200,
      });

      const graphCalls = log.filter((e) => e.service === 'graph');
      expect(graphCalls.length).toBe(result.graphRequests);
      expect(graphCalls.every((e) => e.authenticated)).toBe(true);
      // Reads only: every call is a GET except creating audit log searches (the documented POST)
      // and $batch requests, which wrap GETs.
      const writes = graphCalls.filter((e) => e.method !== 'GET' && !e.path.endsWith('/$batch'));
      expect(writes.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
        'POST /v1.0/security/auditLog/queries 201',
        'POST /v1.0/security/auditLog/queries 201',
      ]);
      // Independent reads travel together: far fewer round trips than sources.
      expect(graphCalls.filter((e) => e.path.endsWith('/$batch')).length).toBeGreaterThan(0);
      expect(result.graphRequests).toBeLessThan(Object.keys(result.snapshot.sources).length);
      for (const source of [
        'organization',
        'conditionalAccessPolicies',
        'roleAssignments',
        'users',
        'authorizationPolicy',
        'sharepointSettings',
      ] as const) {
        expect(result.snapshot.sources[source]?.ok).toBe(true);
      }
      // Every source was read, except the ones Microsoft refuses a Business Premium tenant (no P2).
      const refused = Object.values(result.snapshot.sources).filter((s) => !s?.ok);
      expect(refused.every((s) => s && !s.ok && s.error.kind === 'not_licensed')).toBe(true);
      expect(result.snapshot.sources.mailDns?.ok).toBe(true);
      expect(result.snapshot.tenant.displayName).toBe('Contoso Dental');

      expect(events[0]).toMatchObject({ type: 'signing-in' });
      expect(events.filter((e) => e.type === 'source-finished')).toHaveLength(
        Object.keys(result.snapshot.sources).length,
      );
      expect(events.at(-1)).toEqual({ type: 'finished', score: result.score.overall });

      const json = toScanJson(result);
      expect(json.findings.length).toBe(result.findings.length);
      // Nothing secret leaks into the scan output.
      expect(JSON.stringify(json)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    } finally {
      await tenant.close();
    }
  });
});
