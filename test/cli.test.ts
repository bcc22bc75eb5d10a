import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanJson } from '../shared/models/scan-json';
import { FORBIDDEN, smallTenant } from './helpers/small-tenant';
import { runCli } from './helpers/run-cli';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breach-ready-cli-'));
});

function writeJson(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('breach-ready scan --demo', () => {
  it('prints the documented JSON with findings, a score and coverage', () => {
    const { code, stdout, stderr } = runCli(['scan', '--demo', '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const scan = JSON.parse(stdout) as ScanJson;
    expect(scan.tool).toEqual({ name: 'breach-ready', version: expect.any(String) });
    expect(scan.tenant).toEqual({
      id: '56c61f1e-e865-4f1f-9680-63168f823df5',
      displayName: 'Contoso Dental',
      defaultDomain: 'contosodental.com',
    });
    expect(scan.scan).toMatchObject({ id: expect.any(String), profile: 'cis', source: 'demo' });
    expect(Date.parse(scan.scan.finishedAt)).toBeGreaterThanOrEqual(
      Date.parse(scan.scan.startedAt),
    );
    expect(scan.findings.length).toBeGreaterThanOrEqual(12);
    expect(scan.score.overall).toEqual(expect.any(Number));
    expect(scan.score.coverage.total).toBe(
      scan.findings.filter((f) => f.verdict !== 'not_applicable').length,
    );
    expect(scan.findings.length).toBeGreaterThanOrEqual(60);
    expect(scan.score.byFunction.Protect.total).toBeGreaterThan(0);
    for (const f of scan.findings) {
      expect(f).toMatchObject({
        checkId: expect.stringMatching(/^[A-Z]+-\d{3}$/),
        title: expect.any(String),
        severity: expect.any(String),
        verdict: expect.any(String),
        reason: expect.any(String),
        affected: expect.any(Array),
        mappings: {
          cisM365: expect.any(Array),
          cisControls: expect.any(Array),
          nistCsf: expect.any(Array),
          scuba: expect.any(Array),
        },
      });
    }
  });

  it('tells the demo story: report-only MFA, an excluded copier account, too many Global Administrators', () => {
    const scan = JSON.parse(runCli(['scan', '--demo', '--json']).stdout) as ScanJson;
    const byId = new Map(scan.findings.map((f) => [f.checkId, f]));
    expect(byId.get('CA-002')).toMatchObject({
      verdict: 'fail',
      reason: expect.stringMatching(/report-only/),
    });
    expect(byId.get('CA-003')?.verdict).toBe('pass');
    expect(byId.get('CA-005')?.verdict).toBe('fail');
    expect(byId.get('CA-005')?.affected.map((a) => a.displayName)).toEqual([
      'Office Scanner (scanner@contosodental.com)',
    ]);
    expect(byId.get('ADM-001')?.verdict).toBe('fail');
    expect(byId.get('ADM-003')).toMatchObject({
      verdict: 'fail',
      stormLesson: expect.stringMatching(/Storm-0558/),
    });
  });

  it('applies the cisa profile thresholds', () => {
    const scan = JSON.parse(
      runCli(['scan', '--demo', '--json', '--profile', 'cisa']).stdout,
    ) as ScanJson;
    expect(scan.scan.profile).toBe('cisa');
    expect(scan.findings.find((f) => f.checkId === 'ADM-001')?.verdict).toBe('pass');
  });

  it('treats an exclusion as a gap when the break-glass account is not declared', () => {
    const settings = writeJson('no-breakglass.json', { breakGlassAccounts: [] });
    const scan = JSON.parse(
      runCli(['scan', '--demo', '--json', '--settings', settings]).stdout,
    ) as ScanJson;
    const ca003 = scan.findings.find((f) => f.checkId === 'CA-003');
    expect(ca003?.verdict).toBe('fail');
    expect(ca003?.affected.map((a) => a.displayName).join()).toMatch(
      /breakglass@contosodental\.onmicrosoft\.com/,
    );
  });

  it('prints a readable table by default', () => {
    const { code, stdout } = runCli(['scan', '--demo']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Contoso Dental \(contosodental\.com\) · profile cis\nScore: [\d.]+ \/ 100 · \d+ of \d+ checks assessed/,
    );
    expect(stdout).toMatch(/\[FAIL\] CA-002/);
    const investigate = stdout.slice(stdout.indexOf('Could you investigate a breach?'));
    expect(investigate).toMatch(
      /^Could you investigate a breach\? \(lessons of the 2023 Storm-0558 mail break-in\)\n/,
    );
    expect(investigate).toMatch(/\n\[FAIL\] ADM-003 +Admins use separate admin accounts/);
  });

  it('exits with 3 when --fail-on matches a failing finding', () => {
    expect(runCli(['scan', '--demo', '--json', '--fail-on', 'critical']).code).toBe(3);
  });

  it('writes the output to a file with --out', () => {
    const out = join(dir, 'scan.json');
    const { code, stdout } = runCli(['scan', '--demo', '--json', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(
      (JSON.parse(readFileSync(out, 'utf8')) as ScanJson).findings.length,
    ).toBeGreaterThanOrEqual(12);
  });
});

describe('breach-ready scan --fixture', () => {
  it('never passes a check whose data could not be read', () => {
    const fixture = writeJson(
      'partial.json',
      smallTenant(
        {
          'GET /v1.0/policies/authorizationPolicy': FORBIDDEN,
          'GET /v1.0/admin/sharepoint/settings': FORBIDDEN,
          'GET /v1.0/domains': {
            status: 200,
            body: {
              value: [
                {
                  id: 'fabrikambakery.com',
                  isVerified: true,
                  authenticationType: 'Managed',
                  passwordValidityPeriodInDays: 90,
                },
              ],
            },
          },
        },
        [{ match: 'GET /v1.0/roleManagement', status: 503, retryAfter: 0, times: 1000 }],
      ),
    );
    const { code, stdout } = runCli(['scan', '--fixture', fixture, '--json']);
    expect(code).toBe(0);
    const scan = JSON.parse(stdout) as ScanJson;
    const verdict = (id: string) => scan.findings.find((f) => f.checkId === id);
    for (const id of ['APP-001', 'APP-002', 'GST-001', 'GST-002']) {
      expect(verdict(id)).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
      expect(verdict(id)?.reason).toMatch(/Policy\.Read\.All/);
    }
    expect(verdict('SPO-001')).toMatchObject({ verdict: 'unknown', reasonCode: 'forbidden' });
    // Absent from the fixture: Graph answers 404.
    expect(verdict('CA-002')).toMatchObject({ verdict: 'unknown', reasonCode: 'not_found' });
    for (const id of ['ADM-001', 'ADM-002', 'ADM-003']) {
      expect(verdict(id)).toMatchObject({ verdict: 'unknown', reasonCode: 'network' });
    }
    expect(verdict('PWD-001')?.verdict).toBe('fail');
    // Only organization, users and domains could be read: a pass may rest on nothing else.
    const readable = new Set(['organization', 'users', 'domains']);
    const { checks } = JSON.parse(runCli(['checks', '--json']).stdout) as {
      checks: { id: string; requires: string[] }[];
    };
    const requires = new Map(checks.map((c) => [c.id, c.requires]));
    for (const f of scan.findings.filter((x) => x.verdict === 'pass' || x.verdict === 'warn')) {
      expect(requires.get(f.checkId)?.length, f.checkId).toBeGreaterThan(0);
      for (const source of requires.get(f.checkId)!)
        expect(readable, `${f.checkId} needs ${source}`).toContain(source);
    }
    const assessed = scan.findings.filter((f) =>
      ['pass', 'warn', 'fail'].includes(f.verdict),
    ).length;
    expect(scan.score.coverage.assessed).toBe(assessed);
    expect(assessed).toBeLessThan(scan.findings.length / 2);
  });

  it('rejects a missing file with one line and exit 2', () => {
    const { code, stdout, stderr } = runCli(['scan', '--fixture', join(dir, 'nope.json')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`breach-ready: ${join(dir, 'nope.json')}: file not found\n`);
  });

  it('rejects malformed JSON with one line naming the problem', () => {
    const path = writeJson('broken.json', '{"format": "tenant-fixture/1",\n  "tenant": }');
    const { code, stderr } = runCli(['scan', '--fixture', path]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^breach-ready: \S*broken\.json: not valid JSON .*line 2/);
  });

  it('rejects a document that is not a tenant fixture, naming where', () => {
    const path = writeJson('wrong.json', {
      format: 'tenant-fixture/1',
      tenant: { id: 'x', displayName: 'X', defaultDomain: 'x.com' },
      graph: { 'GET /v1.0/users?$top=1': { status: 200 } },
    });
    const { code, stderr } = runCli(['scan', '--fixture', path]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/GET \/v1\.0\/users\?\$top=1/);
  });

  it('rejects a malformed settings file', () => {
    const settings = writeJson('bad-settings.json', { breakGlass: ['x'] });
    const { code, stderr } = runCli(['scan', '--demo', '--settings', settings]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^breach-ready: bad-settings\.json: /);
  });
});

describe('bad usage', () => {
  it.each([
    [['scan']],
    [['scan', '--demo', '--fixture', 'x.json']],
    [['scan', '--demo', '--profile', 'nist']],
    [['scan', '--demo', '--fail-on', 'urgent']],
    [['scan', '--tenant', 'contoso.com', '--auth', 'certificate', '--certificate-key', 'k.pem']],
    [['scan', '--tenant', 'contoso.com', '--auth', 'secret']],
    [['scan', '--tenant', 'contoso.com', '--auth', 'password']],
    [['frobnicate']],
    [[]],
  ])('%j exits with 2 and says why', (args) => {
    const { code, stderr, stdout } = runCli(args);
    expect(code).toBe(2);
    expect(`${stderr}${stdout}`.length).toBeGreaterThan(0);
    expect(stderr).not.toMatch(/at .*\.(js|cjs|ts):\d+/);
  });
});

describe('certificate sign-in from the command line', () => {
  const live = ['scan', '--tenant', 'contoso.com', '--client-id', 'x', '--auth', 'certificate'];

  it('needs the certificate file and explains one it cannot use, before any sign-in', () => {
    expect(runCli(live)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--auth certificate needs --certificate-key FILE/),
    });
    const missing = join(dir, 'no-such.pem');
    expect(runCli([...live, '--certificate-key', missing])).toMatchObject({
      code: 2,
      stderr: `breach-ready: There is no file at ${missing}.\n`,
    });
    const notPem = writeJson('not-a-key.pem', { hello: 'world' });
    expect(runCli([...live, '--certificate-key', notPem])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^breach-ready: The file has no private key\. Use a PEM file/),
    });
  });
});

describe('breach-ready checks', () => {
  it('lists every check with its mappings as JSON', () => {
    const { code, stdout } = runCli(['checks', '--json']);
    expect(code).toBe(0);
    const { checks } = JSON.parse(stdout) as {
      checks: {
        id: string;
        mappings: { nistCsf: string[]; cisControls: string[] };
        content: { steps: unknown[] };
      }[];
    };
    expect(checks.length).toBeGreaterThanOrEqual(12);
    for (const id of [
      'CA-001',
      'CA-002',
      'CA-003',
      'CA-005',
      'ADM-001',
      'ADM-002',
      'ADM-003',
      'PWD-001',
      'GST-001',
      'APP-002',
      'SPO-001',
    ]) {
      expect(checks.map((c) => c.id)).toContain(id);
    }
    for (const c of checks) {
      expect(c.mappings.nistCsf.length).toBeGreaterThan(0);
      expect(c.mappings.cisControls.length).toBeGreaterThan(0);
      expect(c.content.steps.length).toBeGreaterThan(0);
    }
  });

  it('prints a table', () => {
    const { code, stdout } = runCli(['checks']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ID\s+SEVERITY\s+CHECK/);
    expect(stdout).toMatch(/\n\d{2} checks\n$/);
  });
});
