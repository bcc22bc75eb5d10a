import { describe, expect, it } from 'vitest';
import {
  API_METHODS,
  apiRequests,
  type ApiMethod,
  type ApiRequest,
} from '../../shared/api/contract';
import type { ApiHandlers } from '../api/dispatch';
import { createIpcCallHandler } from './ipc-calls';
import type { IpcSender } from './ipc-sender';

/** One valid request per method; the fuzzer mutates these and also throws pure noise. */
const VALID: { [M in ApiMethod]: ApiRequest<M> } = {
  'app.info': {},
  'catalog.list': {},
  'auth.status': {},
  'auth.signIn': { method: 'browser', tenant: 'contoso.onmicrosoft.com' },
  'auth.cancelSignIn': {},
  'auth.signOut': {},
  'files.chooseCertificate': {},
  'tenants.list': {},
  'tenants.getSettings': { tenantId: 't1' },
  'tenants.setSettings': {
    tenantId: 't1',
    settings: {
      breakGlassAccounts: ['bg@contoso.com'],
      approvedMailApps: [],
      approvedPublicGroups: [],
    },
  },
  'tenants.delete': { tenantId: 't1' },
  'scan.start': { target: { kind: 'demo' }, profile: 'cis' },
  'scan.cancel': { scanId: 's1' },
  'scans.list': { tenantId: 't1' },
  'scans.get': { scanId: 's1' },
  'scans.diff': { from: 's1', to: 's2' },
  'scans.reevaluate': { scanId: 's1' },
  'decisions.set': {
    tenantId: 't1',
    checkId: 'CA-005',
    decision: {
      kind: 'risk_accepted',
      reason: 'Legacy printer',
      owner: 'Dana',
      expiresAt: '2027-01-31',
    },
  },
  'decisions.clear': { tenantId: 't1', checkId: 'CA-005' },
  'decisions.audit': { tenantId: 't1' },
  'progress.setStep': { tenantId: 't1', checkId: 'CA-005', step: 2, done: true },
  'notes.set': { tenantId: 't1', checkId: 'CA-005', text: 'Call the MSP on Monday.' },
  'reports.create': { scanId: 's1', format: 'pdf' },
  'branding.get': {},
  'branding.set': { companyName: 'Contoso Dental', preparedBy: 'Dana' },
};

/** Deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = [
  '',
  ' ',
  'CA-005',
  'ca-005',
  'demo',
  'live',
  'cis',
  'cisa',
  'pdf',
  'browser',
  'device-code',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE scans; --",
  '\u0000',
  '\ud800',
  '2027-01-31',
  'x'.repeat(201),
  'y'.repeat(20_000),
  'data:image/png;base64,AAAA',
  'https://evil.example/',
];
const KEYS = [
  ...new Set(
    Object.values(VALID)
      .flatMap((v) => Object.keys(v as object))
      .concat(['__proto__', 'constructor', 'prototype', 'kind', 'extra', 'settings', 'decision']),
  ),
];

function randomValue(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 9 : 14));
  const int = Math.floor(next() * 100) - 10;
  switch (pick) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return next() < 0.5;
    case 3:
      return [int, 0, -0, 1.5, Number.NaN, Infinity, -Infinity, 2 ** 53 + 1][int & 7];
    case 4:
    case 5:
      return STRINGS[Math.floor(next() * STRINGS.length)];
    case 6:
      return BigInt(int);
    case 7:
      return new Date(int * 1e9);
    case 8:
      return new Uint8Array([1, 2, 3]);
    case 9:
    case 10:
      return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
    case 11:
      return new Map([[randomValue(next, depth + 1), randomValue(next, depth + 1)]]);
    default: {
      const object: Record<string, unknown> = {};
      const n = Math.floor(next() * 4);
      for (let i = 0; i < n; i++) {
        Object.defineProperty(object, KEYS[Math.floor(next() * KEYS.length)]!, {
          value: randomValue(next, depth + 1),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return object;
    }
  }
}

function mutate(value: unknown, next: () => number, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 3) {
    return next() < 0.5 ? randomValue(next) : value;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const action = Math.floor(next() * 4);
  const key = keys[Math.floor(next() * keys.length)];
  if (action === 0 && key) delete copy[key];
  else if (action === 1 && key) copy[key] = mutate(copy[key], next, depth + 1);
  else if (action === 2) copy[KEYS[Math.floor(next() * KEYS.length)]!] = randomValue(next);
  else if (key) copy[key] = randomValue(next);
  return copy;
}

const SENDER: IpcSender = {
  webContentsId: 1,
  frame: { url: 'app://breach-ready/index.html', isMainFrame: true },
};

function recordingHandlers(calls: { method: string; request: unknown }[]): ApiHandlers {
  return Object.fromEntries(
    API_METHODS.map((method) => [
      method,
      async (request: unknown) => {
        calls.push({ method, request });
        return null;
      },
    ]),
  ) as unknown as ApiHandlers;
}

const PER_METHOD = 2000;
const CLEAR_MESSAGE = /^The request was not valid( \([\w.]+\))?: [^\n]{3,300}\.$/;

describe('IPC payload fuzzing through the real contract', () => {
  it.each(API_METHODS)(
    `${PER_METHOD} random payloads for %s: no throw, valid ones reach the handler, the rest get a clear bad_request`,
    async (method) => {
      const calls: { method: string; request: unknown }[] = [];
      const call = createIpcCallHandler({
        handlers: recordingHandlers(calls),
        knownWebContentsIds: () => new Set([1]),
        emit: () => {},
      });
      const next = rng(API_METHODS.indexOf(method) + 1);
      let accepted = 0;
      let refused = 0;
      for (let i = 0; i < PER_METHOD; i++) {
        const payload = i % 3 === 0 ? randomValue(next) : mutate(VALID[method], next);
        const expected = apiRequests[method].safeParse(payload ?? {});
        const before = calls.length;
        const outcome = await call(SENDER, method, payload);
        if (expected.success) {
          expect(outcome).toEqual({ ok: true, value: null });
          expect(calls).toHaveLength(before + 1);
          expect(calls.at(-1)).toEqual({ method, request: expected.data });
          accepted++;
        } else {
          expect(outcome.ok).toBe(false);
          if (outcome.ok) continue;
          expect(outcome.error.code).toBe('bad_request');
          expect(outcome.error.message).toMatch(CLEAR_MESSAGE);
          expect(outcome.error.message).not.toMatch(/\n\s+at |ZodError|\.ts:\d/);
          expect(calls).toHaveLength(before);
          refused++;
        }
      }
      expect(refused).toBeGreaterThan(PER_METHOD / 4);
      expect(accepted + refused).toBe(PER_METHOD);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
  );

  it('answers the valid sample of every method', async () => {
    const calls: { method: string; request: unknown }[] = [];
    const call = createIpcCallHandler({
      handlers: recordingHandlers(calls),
      knownWebContentsIds: () => new Set([1]),
      emit: () => {},
    });
    for (const method of API_METHODS) {
      await expect(call(SENDER, method, VALID[method])).resolves.toEqual({ ok: true, value: null });
    }
    expect(calls.map((c) => c.method)).toEqual(API_METHODS);
  });

  it('refuses unknown methods and untrusted senders before any handler runs', async () => {
    const calls: { method: string; request: unknown }[] = [];
    const logged: string[] = [];
    const call = createIpcCallHandler({
      handlers: recordingHandlers(calls),
      knownWebContentsIds: () => new Set([1]),
      emit: () => {},
      log: (m) => logged.push(m),
    });
    await expect(call(SENDER, 'constructor', {})).resolves.toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Unknown request.' },
    });
    const foreign = { ...SENDER, frame: { url: 'https://evil.example/', isMainFrame: true } };
    const refused = await call(foreign, 'tenants.delete', { tenantId: 't1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(calls).toEqual([]);
    expect(logged.join('\n')).not.toContain('t1');
  });

  it('turns a crashing handler into a plain internal error without the stack', async () => {
    const handlers = {
      ...recordingHandlers([]),
      'scans.get': async () => {
        throw new Error('SQLITE_CORRUPT at /home/dana/.config/Breach Ready/breach-ready.db');
      },
    } as ApiHandlers;
    const logged: string[] = [];
    const call = createIpcCallHandler({
      handlers,
      knownWebContentsIds: () => new Set([1]),
      emit: () => {},
      log: (m) => logged.push(m),
    });
    const outcome = await call(SENDER, 'scans.get', { scanId: 's1' });
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong inside Breach Ready. Nothing was changed.',
      },
    });
    expect(logged).toEqual(['Unexpected error in scans.get: Error.']);
  });
});
