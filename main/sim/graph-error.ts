/** Microsoft Graph's error envelope. */

export interface GraphErrorIds {
  readonly requestId: string;
  readonly clientRequestId?: string;
  /** ISO time without fractions, as Graph writes it. */
  readonly date: string;
}

/** Graph's usual error code for an HTTP status. */
export function graphErrorCode(status: number): string {
  switch (status) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'InvalidAuthenticationToken';
    case 403:
      return 'Authorization_RequestDenied';
    case 404:
      return 'Request_ResourceNotFound';
    case 405:
      return 'Request_BadRequest';
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalServerError';
    case 501:
      return 'NotImplemented';
    case 502:
      return 'BadGateway';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'GatewayTimeout';
    case 507:
      return 'InsufficientStorage';
    default:
      return status >= 500 ? 'UnknownError' : 'BadRequest';
  }
}

const FAULT_MESSAGES: Record<number, string> = {
  429: 'Please retry again later.',
  500: 'An internal server error occurred.',
  502: 'The upstream service did not answer correctly.',
  503: 'The service is temporarily unavailable. Please retry later.',
  504: 'The upstream service did not answer in time.',
  507: 'Insufficient storage.',
};

export function graphErrorBody(
  code: string,
  message: string,
  ids: GraphErrorIds,
  extraInner: Record<string, string> = {},
): { error: { code: string; message: string; innerError: Record<string, string> } } {
  return {
    error: {
      code,
      message,
      innerError: {
        ...extraInner,
        date: ids.date,
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId ?? ids.requestId,
      },
    },
  };
}

/** The body Graph sends for a throttled or failing request. */
export function graphFaultBody(status: number, ids: GraphErrorIds) {
  const code = graphErrorCode(status);
  const message = FAULT_MESSAGES[status] ?? `The request failed with status ${status}.`;
  if (status === 429) {
    return graphErrorBody(code, message, ids, {
      code: '429',
      message: 'Please retry after',
      status: '429',
    });
  }
  return graphErrorBody(code, message, ids);
}
