import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge } from '../shared/api/bridge';
import { ApiError, API_EVENTS } from '../shared/api/contract';
import { dispatch } from '../main/api/dispatch';
import { startBrowserServer, type BrowserServer } from '../main/api/http-server';
import { createHttpClient } from '../renderer/api/http-client';
import { createIpcClient } from '../renderer/api/ipc-client';
import { openTestApi, type TestApi } from './helpers/api-service';

let api: TestApi | undefined;
let server: BrowserServer | undefined;
const realFetch = globalThis.fetch;
afterEach(async () => {
  globalThis.fetch = realFetch;
  await server?.close();
  await api?.close();
  server = undefined;
  api = undefined;
});

describe('the renderer api client over HTTP (browser mode)', () => {
  it('returns values and throws ApiError with the code and message of the answer', async () => {
    api = await openTestApi();
    const dir = mkdtempSync(join(tmpdir(), 'breach-ready-renderer-'));
    server = await startBrowserServer({ handlers: api.service.handlers, rendererDir: dir });
    // A browser sends the cookie by itself; Node's fetch has no cookie jar, so the key goes in
    // the header the server also accepts.
    const secret = server.secret;
    globalThis.fetch = (input, init) =>
      realFetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), 'X-Breach-Ready-Key': secret },
      });
    const client = createHttpClient(server.origin);
    const info = await client.call('app.info', {});
    expect(info.mode).toBe('browser');
    const error = await client.call('scans.get', { scanId: 'missing' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', message: expect.any(String) });
    const invalid = await client
      .call('scan.start', { target: { kind: 'demo' }, profile: 'nope' as 'cis' })
      .catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: 'bad_request' });

    globalThis.fetch = realFetch;
    const locked = await client.call('app.info', {}).catch((e: unknown) => e);
    expect(locked).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/terminal/),
    });
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the renderer api client over the desktop bridge', () => {
  it('calls through the bridge and delivers events to listeners until they unsubscribe', async () => {
    api = await openTestApi();
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const bridge = createBridge(
      (channel, payload) =>
        dispatch(api!.service.handlers, channel.replace(/^api:/, ''), payload, {
          emit: (event, body) => {
            for (const l of listeners.get(`event:${event}`) ?? []) l(body);
          },
        }),
      (channel, listener) => {
        const set = listeners.get(channel) ?? new Set();
        listeners.set(channel, set);
        set.add(listener);
        return () => set.delete(listener);
      },
    );
    const client = createIpcClient(bridge);
    expect((await client.call('catalog.list', {})).length).toBeGreaterThan(50);
    await expect(client.call('tenants.getSettings', { tenantId: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });

    const seen: string[] = [];
    const off = client.on('scan.progress', (p) => seen.push(p.type));
    const { scanId } = await client.call('scan.start', {
      target: { kind: 'demo' },
      profile: 'cis',
    });
    expect(scanId).toBeTruthy();
    for (let i = 0; i < 300 && !seen.includes('finished'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen[0]).toBe('signing-in');
    expect(seen.at(-1)).toBe('finished');
    off();
    expect(listeners.get('event:scan.progress')?.size).toBe(0);
    expect(API_EVENTS).toContain('scan.progress');
  });
});
