import { describe, expect, it } from 'vitest';
import { API_EVENTS, API_METHODS } from '../../shared/api/contract';
import { createPreloadBridge, type PreloadIpc } from './preload-bridge';

type Listener = (event: unknown, payload: unknown) => void;

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: PreloadIpc & { invoked: unknown[][]; listeners: Map<string, Set<Listener>> } = {
    invoked,
    listeners,
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, value: null };
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  return ipc;
}

/** Every value reachable from the exposed object. */
function reachable(root: unknown): unknown[] {
  const seen = new Set<unknown>();
  const walk = (value: unknown) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return;
    if (seen.has(value)) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value as object)) {
      if (typeof value === 'function' && ['prototype', 'caller', 'arguments'].includes(String(key)))
        continue;
      walk((value as Record<PropertyKey, unknown>)[key]);
    }
  };
  walk(root);
  return [...seen];
}

describe('the preload bridge', () => {
  it('exposes only `api` (one named function per contract method) and `on`', () => {
    const bridge = createPreloadBridge(fakeIpc());
    expect(Object.keys(bridge).sort()).toEqual(['api', 'on']);
    expect(Object.keys(bridge.api).sort()).toEqual([...API_METHODS].sort());
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function');
    expect(typeof bridge.on).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
  });

  it('never exposes ipcRenderer or any of its functions', () => {
    const ipc = fakeIpc();
    const exposed = reachable(createPreloadBridge(ipc));
    for (const forbidden of [ipc, ipc.invoke, ipc.on, ipc.removeListener]) {
      expect(exposed).not.toContain(forbidden);
    }
    const names = exposed.flatMap((v) => Object.keys(v as object));
    for (const name of ['send', 'sendSync', 'invoke', 'ipcRenderer', 'removeListener']) {
      expect(names).not.toContain(name);
    }
  });

  it('sends the payload only, on the method channel', async () => {
    const ipc = fakeIpc();
    const bridge = createPreloadBridge(ipc);
    await bridge.api['scans.get']({ scanId: 's1' });
    await bridge.api['app.info']({});
    expect(ipc.invoked).toEqual([
      ['api:scans.get', { scanId: 's1' }],
      ['api:app.info', {}],
    ]);
  });

  it('hands listeners the payload only and returns a working unsubscribe', () => {
    const ipc = fakeIpc();
    const bridge = createPreloadBridge(ipc);
    const received: unknown[][] = [];
    const off = bridge.on('scan.progress', (...args: unknown[]) => received.push(args));
    const channel = 'event:scan.progress';
    const fakeEvent = { sender: { send: () => {} }, ports: [] };
    for (const listener of ipc.listeners.get(channel)!)
      listener(fakeEvent, { scanId: 's1', type: 'cancelled' });
    expect(received).toEqual([[{ scanId: 's1', type: 'cancelled' }]]);
    off();
    off();
    expect(ipc.listeners.get(channel)!.size).toBe(0);
  });

  it('refuses unknown events and non-function listeners', () => {
    const bridge = createPreloadBridge(fakeIpc());
    expect(() => bridge.on('app.quit' as (typeof API_EVENTS)[number], () => {})).toThrow(
      /Unknown event/,
    );
    expect(() =>
      bridge.on('scan.progress', 'alert(1)' as unknown as (payload: unknown) => void),
    ).toThrow(/function/);
  });
});

describe('the preload bundle', () => {
  it('holds the bridge and the method names only: no schema library, no contract, a few kilobytes', async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [new URL('./preload.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('node_modules'))).toBe(false);
    expect(inputs.some((path) => path.endsWith('shared/api/contract.ts'))).toBe(false);
    expect(inputs.some((path) => path.endsWith('shared/api/names.ts'))).toBe(true);
    expect(result.outputFiles[0]!.contents.byteLength).toBeLessThan(16_000);
  });
});
