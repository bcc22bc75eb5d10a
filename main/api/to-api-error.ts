import { ApiError } from '../../shared/api/contract';
import { SignInError } from '../auth/auth-error';
import { StoreError } from '../store/store-error';

/** Turns a known failure of the engine, store or sign-in into a plain `ApiError`. */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof SignInError) {
    return new ApiError(error.code === 'cancelled' ? 'cancelled' : 'sign_in', error.message);
  }
  if (error instanceof StoreError) {
    if (error.code === 'not_found') return new ApiError('not_found', error.message);
    if (error.code === 'conflict') return new ApiError('conflict', error.message);
    if (error.code === 'busy') return new ApiError('busy', error.message);
    return new ApiError('storage', error.message);
  }
  return undefined;
}

/** Runs a handler body and rethrows known failures as `ApiError`. */
export async function plainErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toApiError(error) ?? error;
  }
}
