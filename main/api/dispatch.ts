import {
  ApiError,
  apiRequests,
  isApiMethod,
  type ApiErrorBody,
  type ApiEvent,
  type ApiEvents,
  type ApiMethod,
  type ApiParsedRequest,
  type ApiResponse,
} from '../../shared/api/contract';

/** Pushes an event to whoever is listening on this transport (one window, one browser tab). */
export type ApiEventSink = <E extends ApiEvent>(event: E, payload: ApiEvents[E]) => void;

/** Per-call context a transport passes to the handlers. */
export interface ApiCallContext {
  readonly emit: ApiEventSink;
}

/** One handler per method of the contract; requests arrive already validated. */
export type ApiHandlers = {
  readonly [M in ApiMethod]: (
    request: ApiParsedRequest<M>,
    context: ApiCallContext,
  ) => Promise<ApiResponse<M>>;
};

export type ApiOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: ApiErrorBody };

/**
 * The single entry point of both transports: checks the method name, validates the payload against
 * the contract's schema and turns every failure into a plain error body (never a stack trace).
 */
export async function dispatch(
  handlers: ApiHandlers,
  method: unknown,
  payload: unknown,
  context: ApiCallContext,
  onUnexpected: (error: unknown) => void = () => {},
): Promise<ApiOutcome> {
  if (!isApiMethod(method)) {
    return { ok: false, error: { code: 'bad_request', message: 'Unknown request.' } };
  }
  const parsed = apiRequests[method].safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return {
      ok: false,
      error: {
        code: 'bad_request',
        message: `The request was not valid${where}: ${issue?.message ?? 'invalid input'}.`,
      },
    };
  }
  try {
    const handler = handlers[method] as (
      request: unknown,
      context: ApiCallContext,
    ) => Promise<unknown>;
    const value = await handler(parsed.data, context);
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    onUnexpected(error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: 'Something went wrong inside Breach Ready. Nothing was changed.',
      },
    };
  }
}
