import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeviceCodeEvent, ScanProgressEvent } from '../../shared/api/contract';
import { DEMO_FIXTURE, openTestApi, type TestApi } from '../../test/helpers/api-service';
import { makeTestCertificate, type TestCertificate } from '../../test/helpers/test-certificate';
import {
  createSimGraphSender,
  createSimNetworkClient,
  loadFixtureFile,
  startSimulator,
  type Simulator,
} from '../sim';
import { DEFAULT_PUBLIC_CLIENT_ID } from '../auth/default-client';
import { dispatch } from './dispatch';

const CLIENT_ID = '5eed0000-0000-4000-8000-00000000c11e';
let api: TestApi | undefined;
let sim: Simulator | undefined;
afterEach(async () => {
  await api?.close();
  await sim?.close();
  api = undefined;
  sim = undefined;
});

/** A live tenant as Microsoft would serve it, reached through MSAL's and Graph's network seams. */
async function liveApi(
  pendingPolls = 1,
  certificate?: TestCertificate,
): Promise<{ api: TestApi; sim: Simulator }> {
  sim = await startSimulator({
    fixture: await loadFixtureFile(DEMO_FIXTURE),
    clients: [
      {
        clientId: CLIENT_ID,
        publicClient: true,
        ...(certificate
          ? {
              certificate: {
                thumbprintSha256: certificate.thumbprintSha256,
                publicKeyPem: certificate.cert,
              },
            }
          : {}),
      },
    ],
    deviceCodeInterval: 0,
    deviceCodePendingPolls: pendingPolls,
  });
  api = await openTestApi({
    clientId: CLIENT_ID,
    network: {
      msal: createSimNetworkClient(sim.base),
      graphTransport: createSimGraphSender(sim.base),
      dnsServers: [sim.dns],
    },
  });
  return { api, sim };
}

const call = (method: string, payload: unknown = {}) =>
  dispatch(api!.service.handlers, method, payload, api!.context);

describe('live sign-in and a live scan through the handlers', () => {
  it('signs in with a device code, scans the tenant as that person, and signs out', async () => {
    const { sim } = await liveApi();
    const signedIn = await call('auth.signIn', { method: 'device-code' });
    expect(signedIn).toMatchObject({
      ok: true,
      value: {
        kind: 'person',
        username: sim.signedInUser.userPrincipalName,
        tenantId: sim.tenantId,
      },
    });
    const prompts = api!.events.filter((e) => e.event === 'auth.deviceCode');
    expect(prompts).toHaveLength(1);
    const prompt = prompts[0]!.payload as DeviceCodeEvent;
    expect(prompt.verificationUri).toBe('https://microsoft.com/devicelogin');
    expect(Date.parse(prompt.expiresAt)).toBeGreaterThan(Date.now());
    expect(await call('auth.status')).toMatchObject({
      ok: true,
      value: { account: { tenantId: sim.tenantId }, signingIn: false },
    });

    const started = await call('scan.start', { target: { kind: 'live' }, profile: 'cis' });
    if (!started.ok) throw new Error(started.error.message);
    const { scanId } = started.value as { scanId: string };
    const end = await api!.scanEnd(scanId);
    expect(end).toMatchObject({ type: 'finished', tenantId: sim.tenantId });
    const signingIn = api!.events
      .map((e) => e.payload as ScanProgressEvent)
      .find((p) => p.scanId === scanId && p.type === 'signing-in');
    expect(signingIn).toMatchObject({ description: sim.signedInUser.userPrincipalName });

    const decided = await call('decisions.set', {
      tenantId: sim.tenantId,
      checkId: 'CA-001',
      decision: { kind: 'planned', dueDate: '2027-01-31' },
    });
    expect(decided).toMatchObject({
      ok: true,
      value: { decidedBy: expect.stringContaining(sim.signedInUser.userPrincipalName) },
    });

    expect(await call('auth.signOut')).toEqual({ ok: true, value: null });
    expect(await call('auth.status')).toEqual({
      ok: true,
      value: { account: null, signingIn: false },
    });
    expect(await call('scan.start', { target: { kind: 'live' }, profile: 'cis' })).toMatchObject({
      ok: false,
      error: { code: 'sign_in' },
    });
  });

  it('cancels a sign-in that is waiting for the person', async () => {
    await liveApi(Infinity);
    const pending = call('auth.signIn', { method: 'device-code' });
    for (let i = 0; i < 50 && !api!.events.some((e) => e.event === 'auth.deviceCode'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await call('auth.status')).toMatchObject({ value: { signingIn: true } });
    expect(await call('auth.signIn', { method: 'device-code' })).toMatchObject({
      ok: false,
      error: { code: 'busy' },
    });
    await call('auth.cancelSignIn');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await call('auth.status')).toMatchObject({ value: { account: null, signingIn: false } });
  });

  it('refuses a tenant that is neither an id nor a domain', async () => {
    await liveApi();
    expect(
      await call('auth.signIn', { method: 'device-code', tenant: 'not a tenant/..' }),
    ).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('signs in as the app with a certificate file, scans the tenant, and records decisions as this computer', async () => {
    const certificate = await makeTestCertificate();
    const { sim } = await liveApi(1, certificate);
    const keyFile = join(api!.dir, 'breach-ready.pem');
    writeFileSync(keyFile, `${certificate.cert}${certificate.key}`);

    const signedIn = await call('auth.signIn', {
      method: 'certificate',
      tenant: sim.tenantId,
      keyFile,
    });
    expect(signedIn).toEqual({
      ok: true,
      value: {
        kind: 'app',
        username: CLIENT_ID,
        name: 'Breach Ready app (certificate)',
        tenantId: sim.tenantId,
      },
    });
    // "Scan again" on another tenant's dashboard never scans this one by surprise.
    expect(
      await call('scan.start', {
        target: { kind: 'live', tenantId: '00000000-0000-4000-8000-0000000000aa' },
        profile: 'cis',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'sign_in', message: expect.stringMatching(/different Microsoft 365 tenant/) },
    });
    const started = await call('scan.start', {
      target: { kind: 'live', tenantId: sim.tenantId },
      profile: 'cis',
    });
    if (!started.ok) throw new Error(started.error.message);
    const { scanId } = started.value as { scanId: string };
    expect(await api!.scanEnd(scanId)).toMatchObject({ type: 'finished', tenantId: sim.tenantId });
    const signingIn = api!.events
      .map((e) => e.payload as ScanProgressEvent)
      .find((p) => p.scanId === scanId && p.type === 'signing-in');
    expect(signingIn).toMatchObject({ description: expect.stringContaining('(certificate)') });

    const decided = await call('decisions.set', {
      tenantId: sim.tenantId,
      checkId: 'CA-001',
      decision: { kind: 'planned', dueDate: '2027-01-31' },
    });
    expect(decided).toMatchObject({ ok: true, value: { decidedBy: expect.any(String) } });
    expect((decided as { value: { decidedBy: string } }).value.decidedBy).not.toContain(CLIENT_ID);

    expect(await call('auth.signOut')).toEqual({ ok: true, value: null });
    expect(await call('scan.start', { target: { kind: 'live' }, profile: 'cis' })).toMatchObject({
      ok: false,
      error: { code: 'sign_in' },
    });
  });

  it('explains a certificate that cannot be used, and keeps nothing of it', async () => {
    const [registered, other] = await Promise.all([makeTestCertificate(), makeTestCertificate()]);
    const { sim } = await liveApi(1, registered);
    const otherFile = join(api!.dir, 'other.pem');
    writeFileSync(otherFile, `${other.cert}${other.key}`);
    const keyOnly = join(api!.dir, 'key-only.pem');
    writeFileSync(keyOnly, registered.key);

    const attempt = (payload: Record<string, unknown>) =>
      call('auth.signIn', { method: 'certificate', tenant: sim.tenantId, ...payload });
    expect(await attempt({ keyFile: join(api!.dir, 'missing.pem') })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/There is no file at/) },
    });
    expect(await attempt({ keyFile: keyOnly })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringMatching(/thumbprint is needed/) },
    });
    const refused = await attempt({ keyFile: otherFile });
    expect(refused).toMatchObject({ ok: false, error: { code: 'sign_in' } });
    expect(JSON.stringify(refused)).not.toContain('PRIVATE KEY');
    expect(await call('auth.signIn', { method: 'certificate', keyFile: otherFile })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await call('auth.status')).toMatchObject({ value: { account: null } });
    // The registered key with its thumbprint works.
    expect(
      await attempt({ keyFile: keyOnly, thumbprint: registered.thumbprintSha256.toUpperCase() }),
    ).toMatchObject({ ok: true, value: { kind: 'app' } });
  });

  it('signs a person in through Microsoft Graph Command Line Tools when no app registration is configured', async () => {
    sim = await startSimulator({
      fixture: await loadFixtureFile(DEMO_FIXTURE),
      clients: [{ clientId: DEFAULT_PUBLIC_CLIENT_ID, publicClient: true }],
      deviceCodeInterval: 0,
      deviceCodePendingPolls: 1,
    });
    api = await openTestApi({
      network: {
        msal: createSimNetworkClient(sim.base),
        graphTransport: createSimGraphSender(sim.base),
        dnsServers: [sim.dns],
      },
    });
    expect(await call('app.info')).toMatchObject({ value: { appRegistration: null } });
    expect(await call('auth.signIn', { method: 'device-code' })).toMatchObject({
      ok: true,
      value: { kind: 'person', tenantId: sim.tenantId },
    });
  });
});
