import type { SourceId } from './sources';
import type { TenantInfo } from './tenant';

/** Why a source could not be read. */
export const SOURCE_ERROR_KINDS = [
  'forbidden',
  'not_licensed',
  'not_found',
  'throttled',
  'network',
  'invalid_response',
] as const;
export type SourceErrorKind = (typeof SOURCE_ERROR_KINDS)[number];

export interface SourceError {
  readonly kind: SourceErrorKind;
  /** HTTP status, when there was a response. */
  readonly status?: number;
  /** Graph's error code, e.g. `Authorization_RequestDenied`. */
  readonly code?: string;
  /** Technical message, for the evidence view (never contains a token). */
  readonly message: string;
}

export type SourceResult =
  | { readonly ok: true; readonly data: unknown; readonly fetchedAt: string }
  | { readonly ok: false; readonly error: SourceError; readonly fetchedAt: string };

/**
 * Everything a scan read from the tenant: for every source, its data or a typed error.
 * Evaluation works on this alone, so a stored snapshot can be evaluated again later.
 */
export interface TenantSnapshot {
  readonly format: 'tenant-snapshot/1';
  readonly tenant: TenantInfo;
  readonly collectedAt: string;
  /**
   * The moment the data describes, when it is not the collection time: a recorded tenant replayed
   * later is judged as of its recording ("expires in 6 days", "last 7 days of logs").
   */
  readonly asOf?: string;
  readonly sources: Partial<Record<SourceId, SourceResult>>;
}
