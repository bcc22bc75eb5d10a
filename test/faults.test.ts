import { describe, expect, it } from 'vitest';
import demoFixture from '../assets/demo/contoso-dental.json';
import { tenantFixtureSchema, type TenantFixture } from '../shared/fixture/tenant-fixture';
import type { Finding } from '../shared/models/finding';
import { SOURCES, type SourceId } from '../shared/models/sources';
import { EMPTY_TENANT_SETTINGS } from '../shared/models/tenant';
import { CHECKS } from '../main/checks/catalog';
import { runScan, type ScanProgress } from '../main/engine/scan';
import { openSimulatedTenant } from '../main/engine/simulated-tenant';

const demo = tenantFixtureSchema.parse(demoFixture);

async function scan(fixture: TenantFixture, events: ScanProgress[] = []) {
  const tenant = await openSimulatedTenant(fixture, 'fixture', { throttling: true, seed: 7 });
  try {
    const result = await runScan({
      connection: tenant.connection,
      profile: 'cis',
      settings: EMPTY_TENANT_SETTINGS,
      retryDelaySeconds: 0.2,
      graph: { timeoutMs: 1500 },
      onProgress: (e) => events.push(e),
    });
    return { result, simulator: tenant.simulator };
  } finally {
    await tenant.close();
  }
}

const verdicts = (findings: readonly Finding[]) =>
  Object.fromEntries(findings.map((f) => [f.checkId, `${f.verdict}:${f.reasonCode ?? ''}`]));

function withFaults(faults: TenantFixture['faults']): TenantFixture {
  return { ...demo, faults };
}

function withAnswer(key: string, answer: TenantFixture['graph'][string]): TenantFixture {
  return { ...demo, graph: { ...demo.graph, [key]: answer } };
}

describe('faults Microsoft Graph produces', () => {
  it('transient faults leave every verdict as the fault-free scan has it', async () => {
    const clean = await scan(demo);
    const events: ScanProgress[] = [];
    const faulty = await scan(
      withFaults([
        { match: 'GET /v1.0/users', status: 429, retryAfter: 1, times: 2 },
        { match: 'GET /v1.0/identity/conditionalAccess/policies', status: 429, times: 2 },
        { match: 'GET /v1.0/domains', status: 503, times: 1 },
        { match: 'GET /v1.0/subscribedSkus', status: 504, retryAfter: 1, times: 1 },
        { match: 'POST /beta/$batch', kind: 'timeout', times: 1 },
        { match: 'POST /v1.0/$batch', kind: 'malformed', times: 1 },
        { match: 'GET /v1.0/security/auditLog/queries/', kind: 'truncated', times: 1 },
        { match: 'POST /v1.0/security/auditLog/queries', kind: 'expired-token', times: 1 },
      ]),
      events,
    );
    expect(verdicts(faulty.result.findings)).toEqual(verdicts(clean.result.findings));
    expect(faulty.result.snapshot.sources).toEqual(
      expect.objectContaining(
        Object.fromEntries(
          Object.entries(clean.result.snapshot.sources).map(([k, v]) => [
            k,
            expect.objectContaining({ ok: v!.ok }),
          ]),
        ),
      ),
    );
    // Every fault was met, and nobody came back before the wait Microsoft asked for.
    const statuses = faulty.simulator.log.map((e) => e.status);
    expect(statuses).toContain(0);
    expect(statuses).toContain(401);
    expect(faulty.simulator.earlyRetries).toEqual([]);
    expect(faulty.result.graphRequests).toBeGreaterThan(clean.result.graphRequests);
    const waits = events.filter((e) => e.type === 'waiting');
    expect(waits.length).toBeGreaterThan(0);
    for (const w of waits) expect(w.label).toMatch(/Microsoft/);
  });

  it('a token Graph calls expired is replaced by a fresh one and no verdict changes', async () => {
    const clean = await scan(demo);
    const faulty = await scan(
      withFaults([
        { match: 'POST /v1.0/$batch', kind: 'expired-token', times: 1 },
        { match: 'GET /v1.0/security/auditLog/queries/', kind: 'expired-token', times: 1 },
      ]),
    );
    expect(verdicts(faulty.result.findings)).toEqual(verdicts(clean.result.findings));
    const log = faulty.simulator.log;
    const graph = log.filter((e) => e.service === 'graph');
    // The simulator keeps refusing a token once it called it expired.
    const expired = graph.filter((e) => e.status === 401 && e.authenticated);
    expect(expired).toHaveLength(2);
    expect(new Set(expired.map((e) => e.tokenId)).size).toBe(2);
    for (const rejected of expired) {
      const after = graph.slice(graph.indexOf(rejected) + 1);
      expect(after.filter((e) => e.tokenId === rejected.tokenId)).toEqual([]);
      expect(after.some((e) => e.status === 200 && e.tokenId !== undefined)).toBe(true);
    }
    // One token to start with and one fresh token per expired one, however many reads saw it.
    const tokenRequests = log.filter((e) => e.service === 'entra' && e.path.endsWith('/token'));
    expect(tokenRequests).toHaveLength(1 + expired.length);
  });

  it('a persistent 403 makes exactly the checks that need it unknown, saying which permission', async () => {
    const clean = await scan(demo);
    const denied = await scan(
      withAnswer('GET /v1.0/roleManagement/directory/roleAssignments', {
        status: 403,
        body: {
          error: {
            code: 'Authorization_RequestDenied',
            message: 'Insufficient privileges to complete the operation.',
          },
        },
      }),
    );
    const needs = (c: (typeof CHECKS)[number]) => c.requires;
    expectOnlyAffected(
      'roleAssignments',
      clean.result.findings,
      denied.result.findings,
      needs,
      (f) => {
        expect(f.verdict).toBe('unknown');
        expect(f.reasonCode).toBe('forbidden');
        expect(f.reason).toContain(SOURCES.roleAssignments.permission);
        expect(f.reason).toContain('Global Reader');
      },
    );
  });

  it('a licence Microsoft requires makes exactly those checks unknown, naming the licence', async () => {
    const clean = await scan(demo);
    const unlicensed = await scan(
      withAnswer('GET /v1.0/auditLogs/signIns', {
        status: 403,
        body: {
          error: {
            code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant',
            message: "Neither tenant is B2C or tenant doesn't have premium license",
          },
        },
      }),
    );
    const needs = (c: (typeof CHECKS)[number]) => [...c.requires, ...(c.uses ?? [])];
    expectOnlyAffected('signIns', clean.result.findings, unlicensed.result.findings, needs, (f) => {
      expect(['unknown', 'not_applicable']).toContain(f.verdict);
      expect(f.reason).toMatch(/Entra ID P1|licen[cs]e/);
    });
  });

  it('throttling that never ends turns into unknown with a plain reason, never a pass', async () => {
    const result = await scan(
      withFaults([{ match: 'GET /v1.0/policies/authorizationPolicy', status: 429, times: 100 }]),
    );
    const affected = CHECKS.filter((c) => c.requires.includes('authorizationPolicy'));
    expect(affected.length).toBeGreaterThan(0);
    for (const check of affected) {
      const f = result.result.findings.find((x) => x.checkId === check.id)!;
      expect(f.verdict).toBe('unknown');
      expect(f.reason).toMatch(/slow down/);
    }
  });
});

/**
 * Checks that `need` the source get `expectAffected`; other checks that read it when they can never
 * pass where they did not before; every other check keeps its verdict.
 */
function expectOnlyAffected(
  source: SourceId,
  before: readonly Finding[],
  after: readonly Finding[],
  need: (check: (typeof CHECKS)[number]) => readonly SourceId[],
  expectAffected: (f: Finding) => void,
) {
  const was = new Map(before.map((f) => [f.checkId, f]));
  let affected = 0;
  for (const check of CHECKS) {
    const f = after.find((x) => x.checkId === check.id)!;
    const old = was.get(check.id)!;
    if (need(check).includes(source)) {
      affected += 1;
      expectAffected(f);
    } else if (check.uses?.includes(source)) {
      if (f.verdict === 'pass') expect(old.verdict).toBe('pass');
    } else {
      expect(`${check.id} ${f.verdict}`).toBe(`${check.id} ${old.verdict}`);
    }
  }
  expect(affected).toBeGreaterThan(0);
}
