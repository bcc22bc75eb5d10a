import {
  API_EVENTS,
  ApiError,
  type ApiClient,
  type ApiEvent,
  type ApiEvents,
  type ApiMethod,
  type ApiRequest,
  type ApiResponse,
} from '../../shared/api/contract';
import { toApiError } from './to-api-error';

/** The api client of browser mode: calls are POSTed to `/api/call`, events arrive over SSE. */
export function createHttpClient(baseUrl = ''): ApiClient {
  const listeners = new Map<ApiEvent, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const connect = (): void => {
    if (source) return;
    source = new EventSource(`${baseUrl}/api/events`, { withCredentials: true });
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as { event?: unknown; payload?: unknown };
      } catch {
        return;
      }
      const event = parsed.event as ApiEvent;
      if (!API_EVENTS.includes(event)) return;
      for (const listener of [...(listeners.get(event) ?? [])]) {
        listener(parsed.payload as never);
      }
    };
  };

  const disconnectWhenIdle = (): void => {
    const active = [...listeners.values()].some((set) => set.size > 0);
    if (!active && source) {
      source.close();
      source = null;
    }
  };

  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/call`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method, payload: request }),
        });
      } catch {
        throw new ApiError(
          'unavailable',
          'Breach Ready is not reachable. Check that the terminal running it is still open.',
        );
      }
      if (response.status === 401 || response.status === 403) {
        throw new ApiError(
          'unavailable',
          'This page is no longer connected to Breach Ready. Open the address printed in the terminal again.',
        );
      }
      let body: { ok?: unknown; value?: unknown; error?: unknown };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        throw toApiError(undefined);
      }
      if (body.ok === true) return body.value as ApiResponse<M>;
      throw toApiError(body.error);
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      if (!API_EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const entry = listener as (payload: never) => void;
      set.add(entry);
      connect();
      return () => {
        set.delete(entry);
        disconnectWhenIdle();
      };
    },
  };
}
