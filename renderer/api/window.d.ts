import type { Bridge } from '../../shared/api/bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    readonly breachReady?: Bridge;
  }
}

export {};
