import type { ApiClient } from '../../shared/api/contract';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

let client: ApiClient | null = null;

/**
 * The renderer's one api client: Electron IPC when the desktop preload exposes its bridge,
 * loopback HTTP otherwise (browser mode, `breach-ready serve`).
 */
export function getApiClient(): ApiClient {
  if (client) return client;
  const bridge = typeof window === 'undefined' ? undefined : window.breachReady;
  client = bridge ? createIpcClient(bridge) : createHttpClient();
  return client;
}

export type { ApiClient };
