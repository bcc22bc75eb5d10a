import type { SourceResult } from '../../shared/models/snapshot';
import type { GraphGateway } from '../graph/gateway';
import type { AuditQuerySourceRequest } from './source-requests';

/**
 * Searches the unified audit log through Graph's audit log query API: create a query, wait for it
 * to finish, read the first records.
 */
export async function readAuditQuery(
  _gateway: GraphGateway,
  _request: AuditQuerySourceRequest,
  _signal: AbortSignal | undefined,
  now: () => Date,
): Promise<SourceResult> {
  return {
    ok: false,
    error: { kind: 'not_found', message: 'audit log search is not collected in this version' },
    fetchedAt: now().toISOString(),
  };
}
