import type { Bridge } from '../../shared/api/bridge';
import {
  ApiError,
  type ApiClient,
  type ApiEvent,
  type ApiEvents,
  type ApiMethod,
  type ApiRequest,
  type ApiResponse,
} from '../../shared/api/contract';
import { toApiError } from './to-api-error';

/** The api client of the desktop app: calls go through the bridge the preload exposes. */
export function createIpcClient(bridge: Bridge): ApiClient {
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
      const send = bridge.api[method] as ((request: ApiRequest<M>) => Promise<unknown>) | undefined;
      if (typeof send !== 'function') {
        throw new ApiError('bad_request', 'This version of the app does not know that request.');
      }
      const outcome = (await send(request)) as
        { ok: true; value: ApiResponse<M> } | { ok: false; error: unknown } | undefined;
      if (outcome && outcome.ok === true) return outcome.value;
      throw toApiError(outcome && outcome.ok === false ? outcome.error : undefined);
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      return bridge.on(event, listener);
    },
  };
}
