import { createContext, useContext } from 'react';
import type { ScanDetail } from '../../shared/api/views';
import type { AsyncState } from './use-async';

/** The scan the screens show, loaded once and reloaded after every change the user makes. */
export type ScanState = (AsyncState<ScanDetail> | { readonly status: 'none' }) & {
  readonly reload: () => void;
};

export const ScanContext = createContext<ScanState>({ status: 'none', reload: () => {} });

export function useScan(): ScanState {
  return useContext(ScanContext);
}
