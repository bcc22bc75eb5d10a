import { ApiError } from '../../shared/api/contract';
import { reevaluateScan } from '../engine/scan-record';
import type { ApiHandlers } from './dispatch';
import type { HandlerContext } from './handler-context';
import { buildScanDetail, diffStoredScans, scanOrNotFound } from './scan-detail';
import { plainErrors } from './to-api-error';

type ScanHandlers = Pick<
  ApiHandlers,
  'scan.start' | 'scan.cancel' | 'scans.list' | 'scans.get' | 'scans.diff' | 'scans.reevaluate'
>;

const hasResults = (status: string) => status === 'complete' || status === 'partial';

export function scanHandlers({ deps, scans }: HandlerContext): ScanHandlers {
  const { store } = deps;
  return {
    'scan.start': ({ target, profile }, context) =>
      scans.start(target, profile, (event) => context.emit('scan.progress', event)),

    'scan.cancel': ({ scanId }) =>
      plainErrors(async () => {
        if (scans.cancel(scanId)) return null;
        // A scan that just ended is fine to "cancel": nothing is left to stop.
        await scanOrNotFound(store, scanId);
        return null;
      }),

    'scans.list': ({ tenantId }) => plainErrors(() => store.listScans(tenantId)),

    'scans.get': ({ scanId }) => plainErrors(() => buildScanDetail(store, scanId, deps.clock())),

    'scans.diff': ({ from, to }) =>
      plainErrors(async () => {
        const [earlier, later] = [
          await scanOrNotFound(store, from),
          await scanOrNotFound(store, to),
        ];
        if (earlier.tenantId !== later.tenantId) {
          throw new ApiError('bad_request', 'Those two scans belong to different tenants.');
        }
        if (!hasResults(earlier.status) || !hasResults(later.status)) {
          throw new ApiError('conflict', 'Only scans that finished can be compared.');
        }
        return diffStoredScans(store, earlier.id, later.id);
      }),

    'scans.reevaluate': ({ scanId }) =>
      plainErrors(async () => {
        const scan = await scanOrNotFound(store, scanId);
        if (!hasResults(scan.status)) {
          throw new ApiError(
            'conflict',
            'That scan did not finish, so there is nothing to re-evaluate.',
          );
        }
        const saved = await reevaluateScan(store, scanId, { now: deps.clock() });
        if (!saved) throw new ApiError('not_found', 'The evidence of that scan is not stored.');
        return scanOrNotFound(store, saved.result.id);
      }),
  };
}
