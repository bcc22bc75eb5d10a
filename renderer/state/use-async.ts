import { useCallback, useEffect, useMemo, useState, type DependencyList } from 'react';
import { ApiError } from '../../shared/api/contract';

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly data: T };

/** Any failure as an `ApiError` with plain words. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('internal', 'Something went wrong. Please try again.');
}

/** Loads data when the dependencies change; `reload` loads it again and keeps showing the old data meanwhile. */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): AsyncState<T> & { readonly reload: () => void } {
  // A fresh token whenever the dependencies change, so data loaded for older ones is never shown.
  const token = useMemo(() => ({}), deps);
  const [state, setState] = useState<{ token: object; value: AsyncState<T> }>({
    token,
    value: { status: 'loading' },
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ token, value: { status: 'ready', data } }),
      (error: unknown) =>
        live && setState({ token, value: { status: 'error', error: asApiError(error) } }),
    );
    return () => {
      live = false;
    };
  }, [token, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current: AsyncState<T> = state.token === token ? state.value : { status: 'loading' };
  return { ...current, reload };
}
