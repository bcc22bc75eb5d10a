import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanProgressEvent } from '../../shared/api/contract';
import { DEMO_TENANT_ID, openTestApi, type TestApi } from '../../test/helpers/api-service';
import { CHECKS } from '../checks/catalog';
import { dispatch } from './dispatch';
import { LOCAL_ACTOR } from './decision-handlers';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function call(method: string, payload: unknown) {
  return dispatch(api!.service.handlers, method, payload, api!.context);
}

async function ok<T>(method: string, payload: unknown = {}): Promise<T> {
  const outcome = await call(method, payload);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value as T;
}

async function demoScan(): Promise<{ scanId: string; end: ScanProgressEvent }> {
  const { scanId } = await ok<{ scanId: string }>('scan.start', {
    target: { kind: 'demo' },
    profile: 'cis',
  });
  return { scanId, end: await api!.scanEnd(scanId) };
}

const progressOf = (scanId: string) =>
  api!.events
    .filter((e) => e.event === 'scan.progress')
    .map((e) => e.payload as ScanProgressEvent)
    .filter((p) => p.scanId === scanId);

describe('api handlers: app and catalog', () => {
  it('signs people in without an app registration, but not an app with a certificate, and keeps tokens in memory', async () => {
    api = await openTestApi();
    const info = await ok<Record<string, unknown>>('app.info');
    expect(info).toMatchObject({
      mode: 'browser',
      dataLocation: api.dir,
      appRegistration: null,
      tokenStorage: 'memory',
      canChooseFiles: false,
    });
    expect(await call('files.chooseCertificate', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/desktop app.*full path/) },
    });
    expect(
      await call('auth.signIn', {
        method: 'certificate',
        tenant: 'contoso.com',
        keyFile: join(api.dir, 'cert.pem'),
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/application \(client\) id/) },
    });
    expect(await ok('auth.status')).toEqual({ account: null, signingIn: false });
  });

  it('reports encrypted token storage and the configured app registration', async () => {
    api = await openTestApi({
      clientId: '5eed0000-0000-4000-8000-00000000c11e',
      cachePlugin: {
        persistent: true,
        beforeCacheAccess: async () => {},
        afterCacheAccess: async () => {},
      },
      mode: 'desktop',
    });
    expect(await ok('app.info')).toMatchObject({
      mode: 'desktop',
      appRegistration: '5eed0000-0000-4000-8000-00000000c11e',
      tokenStorage: 'encrypted',
    });
  });

  it('offers the host’s file chooser for the certificate file, and a closed chooser is no choice', async () => {
    const asked: unknown[] = [];
    const answers = ['/home/tech/certs/contoso.pem', null, '  '];
    api = await openTestApi({
      mode: 'desktop',
      chooseFile: async (request) => {
        asked.push(request);
        return answers.shift() ?? null;
      },
    });
    expect(await ok('app.info')).toMatchObject({ canChooseFiles: true });
    expect(await ok('files.chooseCertificate', {})).toEqual({
      path: '/home/tech/certs/contoso.pem',
    });
    expect(await ok('files.chooseCertificate', {})).toEqual({ path: null });
    expect(await ok('files.chooseCertificate', {})).toEqual({ path: null });
    expect(asked[0]).toMatchObject({
      title: expect.stringMatching(/certificate/i),
      filters: expect.arrayContaining([
        expect.objectContaining({ extensions: expect.arrayContaining(['pem']) }),
      ]),
    });
    expect(await call('files.chooseCertificate', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
  });

  it('lists the whole catalog', async () => {
    api = await openTestApi();
    const checks = await ok<{ id: string }[]>('catalog.list');
    expect(checks.map((c) => c.id)).toEqual(CHECKS.map((c) => c.id));
  });
});

describe('api handlers: a demo scan through the simulator', () => {
  it('answers with the scan id at once, reports progress, and stores the scan', async () => {
    api = await openTestApi();
    const { scanId } = await ok<{ scanId: string }>('scan.start', {
      target: { kind: 'demo' },
      profile: 'cis',
    });
    expect(scanId).toMatch(/^[0-9a-f-]{36}$/);
    // The call returned before the scan ended.
    expect(progressOf(scanId).some((p) => p.type === 'finished')).toBe(false);
    expect(await call('scan.start', { target: { kind: 'demo' }, profile: 'cis' })).toMatchObject({
      ok: false,
      error: { code: 'busy' },
    });

    const end = await api.scanEnd(scanId);
    expect(end).toMatchObject({ type: 'finished', tenantId: DEMO_TENANT_ID });
    const types = progressOf(scanId).map((p) => p.type);
    expect(types[0]).toBe('signing-in');
    expect(types).toContain('source-finished');
    expect(types.at(-2)).toBe('evaluating');
    expect(types.at(-1)).toBe('finished');
    expect(types.filter((t) => t === 'finished')).toHaveLength(1);

    const scans = await ok<{ id: string; status: string; score: number }[]>('scans.list', {
      tenantId: DEMO_TENANT_ID,
    });
    expect(scans.map((s) => s.id)).toEqual([scanId]);
    expect(end.type === 'finished' && end.status).toBe(scans[0]!.status);

    const detail = await ok<{
      findings: unknown[];
      score: { overall: number };
      tenant: { id: string };
      previousScanId: string | null;
      sincePrevious: unknown;
    }>('scans.get', { scanId });
    expect(detail.findings).toHaveLength(CHECKS.length);
    expect(detail.tenant.id).toBe(DEMO_TENANT_ID);
    expect(detail.score.overall).toBe(scans[0]!.score);
    expect(end.type === 'finished' && end.score).toBe(detail.score.overall);
    expect(detail.previousScanId).toBeNull();
    expect(detail.sincePrevious).toBeNull();

    const tenants =
      await ok<{ id: string; scans: number; lastScore: number | null }[]>('tenants.list');
    expect(tenants).toMatchObject([
      { id: DEMO_TENANT_ID, scans: 1, lastScore: detail.score.overall },
    ]);
  });

  it('compares a scan with the one before, and applies decisions to the score at once', async () => {
    api = await openTestApi();
    const first = await demoScan();
    const second = await demoScan();
    expect(second.end.type).toBe('finished');
    const detail = await ok<{
      previousScanId: string | null;
      sincePrevious: { fixed: string[]; stillFailing: string[] } | null;
      score: { overall: number };
      findings: { checkId: string; verdict: string; severity: string }[];
    }>('scans.get', { scanId: second.scanId });
    expect(detail.previousScanId).toBe(first.scanId);
    expect(detail.sincePrevious?.fixed).toEqual([]);
    expect(detail.sincePrevious?.stillFailing.length).toBeGreaterThan(0);

    const failing = detail.findings.find((f) => f.verdict === 'fail' && f.severity !== 'info')!;
    expect(failing).toBeDefined();
    const saved = await ok<{ checkId: string; decidedBy: string }>('decisions.set', {
      tenantId: DEMO_TENANT_ID,
      checkId: failing.checkId,
      decision: { kind: 'compensating_control', reason: 'Our MSP enforces this in their tool.' },
    });
    expect(saved).toMatchObject({ checkId: failing.checkId, decidedBy: LOCAL_ACTOR });
    const after = await ok<{ score: { overall: number }; decisions: unknown[] }>('scans.get', {
      scanId: second.scanId,
    });
    expect(after.score.overall).toBeGreaterThan(detail.score.overall);
    expect(after.decisions).toHaveLength(1);

    await ok('decisions.clear', { tenantId: DEMO_TENANT_ID, checkId: failing.checkId });
    const cleared = await ok<{ score: { overall: number } }>('scans.get', {
      scanId: second.scanId,
    });
    expect(cleared.score.overall).toBe(detail.score.overall);
    const audit = await ok<{ action: string; actor: string }[]>('decisions.audit', {
      tenantId: DEMO_TENANT_ID,
    });
    expect(audit.map((a) => a.action)).toEqual(['decided', 'cleared']);
    expect(audit.every((a) => a.actor === LOCAL_ACTOR)).toBe(true);

    const diff = await ok<{ stillFailing: string[] }>('scans.diff', {
      from: first.scanId,
      to: second.scanId,
    });
    expect(diff.stillFailing).toEqual(detail.sincePrevious?.stillFailing);
  });

  it('cancels a running scan and stores nothing', async () => {
    api = await openTestApi();
    const { scanId } = await ok<{ scanId: string }>('scan.start', {
      target: { kind: 'demo' },
      profile: 'cisa',
    });
    await ok('scan.cancel', { scanId });
    expect(await api.scanEnd(scanId)).toEqual({ scanId, type: 'cancelled' });
    expect(await call('scans.get', { scanId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // The next scan may start right away.
    const next = await demoScan();
    expect(next.end.type).toBe('finished');
  });

  it('keeps step progress and notes, and refuses what does not exist in plain words', async () => {
    api = await openTestApi();
    const { scanId } = await demoScan();
    const checkId = CHECKS[0]!.id;
    await ok('progress.setStep', { tenantId: DEMO_TENANT_ID, checkId, step: 1, done: true });
    await ok('notes.set', { tenantId: DEMO_TENANT_ID, checkId, text: 'Ask Sam on Monday' });
    const detail = await ok<{ progress: unknown[]; notes: unknown[] }>('scans.get', { scanId });
    expect(detail.progress).toEqual([{ checkId, step: 1, done: true }]);
    expect(detail.notes).toEqual([{ checkId, text: 'Ask Sam on Monday' }]);

    expect(
      await call('progress.setStep', { tenantId: DEMO_TENANT_ID, checkId, step: 50, done: true }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(
      await call('notes.set', { tenantId: 'no-such-tenant', checkId, text: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('scans.get', { scanId: 'no-such-scan' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/not in this database/) },
    });
    expect(
      await call('decisions.set', {
        tenantId: DEMO_TENANT_ID,
        checkId: 'ZZ-999',
        decision: { kind: 'third_party', reason: 'x' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('offers the demo declarations until the user declares, then keeps theirs', async () => {
    api = await openTestApi();
    // The demo tenant can be declared before its first scan.
    const before = await call('tenants.getSettings', { tenantId: DEMO_TENANT_ID });
    expect(before).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await demoScan();
    const offered = await ok<{ declared: boolean; settings: { breakGlassAccounts: string[] } }>(
      'tenants.getSettings',
      { tenantId: DEMO_TENANT_ID },
    );
    expect(offered.declared).toBe(false);
    expect(offered.settings.breakGlassAccounts.length).toBeGreaterThan(0);

    const settings = {
      breakGlassAccounts: ['nobody@contosodental.com'],
      approvedMailApps: [],
      approvedPublicGroups: [],
    };
    await ok('tenants.setSettings', { tenantId: DEMO_TENANT_ID, settings });
    expect(await ok('tenants.getSettings', { tenantId: DEMO_TENANT_ID })).toEqual({
      settings,
      declared: true,
    });
  });

  it('lets the demo tenant be declared before it was ever scanned', async () => {
    api = await openTestApi();
    const settings = { breakGlassAccounts: [], approvedMailApps: [], approvedPublicGroups: [] };
    await ok('tenants.setSettings', { tenantId: DEMO_TENANT_ID, settings });
    expect(await ok('tenants.getSettings', { tenantId: DEMO_TENANT_ID })).toEqual({
      settings,
      declared: true,
    });
    expect(
      await call('tenants.setSettings', { tenantId: 'unknown-tenant', settings }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('re-evaluates a stored scan as a new scan, and deletes a tenant with everything in it', async () => {
    api = await openTestApi();
    const { scanId } = await demoScan();
    const again = await ok<{ id: string; reevaluatedFrom: string }>('scans.reevaluate', { scanId });
    expect(again.reevaluatedFrom).toBe(scanId);
    expect(again.id).not.toBe(scanId);
    expect(await ok('tenants.delete', { tenantId: DEMO_TENANT_ID })).toEqual({ deleted: true });
    expect(await ok('tenants.list')).toEqual([]);
    expect(await ok('tenants.delete', { tenantId: DEMO_TENANT_ID })).toEqual({ deleted: false });
  });
});

describe('api dispatch', () => {
  it('turns unknown methods, invalid payloads and internal failures into plain errors', async () => {
    api = await openTestApi();
    expect(await call('scan.explode', {})).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Unknown request.' },
    });
    expect(await call('toString', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await call('scan.start', { target: { kind: 'moon' }, profile: 'cis' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/target/) },
    });
    expect(await call('app.info', { extra: true })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    await api.store.close();
    const seen: unknown[] = [];
    const outcome = await dispatch(api.service.handlers, 'tenants.list', {}, api.context, (error) =>
      seen.push(error),
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toMatch(/storage|internal/);
    expect(JSON.stringify(outcome)).not.toMatch(/at .*\.ts/);
  });
});
