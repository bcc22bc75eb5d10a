import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadBridge } from './preload-bridge';

/**
 * The sandboxed preload, built as CommonJS. It exposes one object, `window.breachReady`: a named
 * function per api method and `on(event, listener)`. No Electron or Node object crosses over.
 */
const bridge = createPreloadBridge({
  invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
  on: (channel, listener) => ipcRenderer.on(channel, listener),
  removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
});

/** The renderer's `window.breachReady` type comes from here (it is the shared `Bridge`). */
export type BreachReadyApi = typeof bridge;

contextBridge.exposeInMainWorld('breachReady', bridge);
