import { API_EVENT_NAMES, API_METHOD_NAMES } from './names';
import type {
  ApiErrorBody,
  ApiEvent,
  ApiEvents,
  ApiMethod,
  ApiRequest,
  ApiResponse,
} from './contract';

/** What a transport answers for one call: the value, or a plain error. */
export type BridgeOutcome<M extends ApiMethod> =
  | { readonly ok: true; readonly value: ApiResponse<M> }
  | { readonly ok: false; readonly error: ApiErrorBody };

/** One named function per api method; nothing else crosses the bridge. */
export type BridgeMethods = {
  readonly [M in ApiMethod]: (request: ApiRequest<M>) => Promise<BridgeOutcome<M>>;
};

export interface Bridge {
  readonly api: BridgeMethods;
  /** Subscribes to one event; the listener gets the payload only. Returns the unsubscribe. */
  readonly on: <E extends ApiEvent>(
    event: E,
    listener: (payload: ApiEvents[E]) => void,
  ) => () => void;
}

/** The IPC channel that carries one method or event. */
export const methodChannel = (method: ApiMethod): string => `api:${method}`;
export const eventChannel = (event: ApiEvent): string => `event:${event}`;

/**
 * Builds the object the preload exposes as `window.breachReady`. The preload passes thin wrappers
 * around `ipcRenderer.invoke` and `ipcRenderer.on`; the renderer's `window` type is `Bridge`, so the
 * preload and the renderer share one definition.
 */
export function createBridge(
  invoke: (channel: string, payload: unknown) => Promise<unknown>,
  subscribe: (channel: string, listener: (payload: unknown) => void) => () => void,
): Bridge {
  const api = Object.fromEntries(
    API_METHOD_NAMES.map((method) => [
      method,
      (request: unknown) => invoke(methodChannel(method), request),
    ]),
  ) as unknown as BridgeMethods;
  const on = <E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void) => {
    if (!(API_EVENT_NAMES as readonly string[]).includes(event))
      throw new Error(`Unknown event ${String(event)}`);
    return subscribe(eventChannel(event), (payload) => listener(payload as ApiEvents[E]));
  };
  return Object.freeze({ api: Object.freeze(api), on });
}
