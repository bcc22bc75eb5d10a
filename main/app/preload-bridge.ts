import { API_EVENT_NAMES, API_METHOD_NAMES } from '../../shared/api/names';
import { createBridge, eventChannel, methodChannel, type Bridge } from '../../shared/api/bridge';

/** The two things the preload needs from `ipcRenderer`; nothing else of it is reachable. */
export interface PreloadIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

const METHOD_CHANNELS: ReadonlySet<string> = new Set(API_METHOD_NAMES.map(methodChannel));
const EVENT_CHANNELS: ReadonlySet<string> = new Set(API_EVENT_NAMES.map(eventChannel));

/**
 * The object the preload exposes as `window.breachReady`: one named function per api method and
 * `on(event, listener)`. Calls carry the payload only, on the method's own channel; listeners get
 * the payload only (never the IPC event) and `on` returns the unsubscribe. Electron security
 * checklist item 20: no raw `ipcRenderer`, no generic send.
 */
export function createPreloadBridge(ipc: PreloadIpc): Bridge {
  const bridge = createBridge(
    (channel, payload) => {
      if (!METHOD_CHANNELS.has(channel)) return Promise.reject(new Error('Unknown request.'));
      return ipc.invoke(channel, payload);
    },
    (channel, listener) => {
      if (!EVENT_CHANNELS.has(channel)) throw new Error('Unknown event.');
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(channel, forward);
      };
    },
  );
  const on: Bridge['on'] = (event, listener) => {
    if (typeof listener !== 'function') throw new Error('The listener must be a function.');
    return bridge.on(event, listener);
  };
  return Object.freeze({ api: bridge.api, on });
}
