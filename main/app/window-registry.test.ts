import { describe, expect, it } from 'vitest';
import { WindowRegistry, type RegisteredWindow } from './window-registry';

function fakeWindow(id: number, url = 'app://breach-ready/index.html') {
  const sent: [string, unknown][] = [];
  const state = { destroyed: false, url };
  const window: RegisteredWindow & { sent: typeof sent; state: typeof state } = {
    sent,
    state,
    isDestroyed: () => state.destroyed,
    webContents: {
      id,
      isDestroyed: () => state.destroyed,
      getURL: () => state.url,
      send: (channel, payload) => sent.push([channel, payload]),
    },
  };
  return window;
}

describe('WindowRegistry', () => {
  it('knows only registered, live windows', () => {
    const registry = new WindowRegistry();
    const a = fakeWindow(1);
    const b = fakeWindow(2);
    registry.add(a);
    registry.add(b);
    expect([...registry.webContentsIds()]).toEqual([1, 2]);
    b.state.destroyed = true;
    expect([...registry.webContentsIds()]).toEqual([1]);
    registry.delete(a);
    expect(registry.webContentsIds().size).toBe(0);
  });

  it('sends events only to known windows that show an app page', () => {
    const registry = new WindowRegistry();
    const app = fakeWindow(1);
    const elsewhere = fakeWindow(2, 'https://learn.microsoft.com/');
    const stranger = fakeWindow(3);
    registry.add(app);
    registry.add(elsewhere);
    expect(registry.broadcast('event:scan.progress', { scanId: 's1' })).toBe(1);
    expect(app.sent).toEqual([['event:scan.progress', { scanId: 's1' }]]);
    expect(elsewhere.sent).toEqual([]);
    expect(stranger.sent).toEqual([]);
  });
});
