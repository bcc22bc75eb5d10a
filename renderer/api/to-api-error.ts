import { API_ERROR_CODES, ApiError, type ApiErrorCode } from '../../shared/api/contract';

const FALLBACK_MESSAGE = 'Breach Ready did not answer as expected. Please try again.';

/** Turns an error body from either transport into an `ApiError`; anything malformed becomes `internal`. */
export function toApiError(body: unknown): ApiError {
  if (typeof body === 'object' && body !== null) {
    const { code, message } = body as { code?: unknown; message?: unknown };
    const known = (API_ERROR_CODES as readonly string[]).includes(code as string);
    if (known && typeof message === 'string' && message.length > 0) {
      return new ApiError(code as ApiErrorCode, message);
    }
  }
  return new ApiError('internal', FALLBACK_MESSAGE);
}
