import { contextBridge } from 'electron';

/** What the renderer may call. Named functions only; the api contract grows here. */
const api = {
  platform: process.platform,
} as const;

export type BreachReadyApi = typeof api;

contextBridge.exposeInMainWorld('breachReady', api);
