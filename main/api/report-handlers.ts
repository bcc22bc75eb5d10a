import { ApiError } from '../../shared/api/contract';
import { catalogMeta } from '../engine/catalog';
import { readBranding, saveBranding } from '../report/branding-view';
import { createReport } from '../report/create-report';
import { StoreError } from '../store/store-error';
import type { ApiHandlers } from './dispatch';
import type { HandlerContext } from './handler-context';
import { scanOrNotFound } from './scan-detail';
import { plainErrors } from './to-api-error';

type ReportHandlers = Pick<ApiHandlers, 'reports.create' | 'branding.get' | 'branding.set'>;

export function reportHandlers({ deps }: HandlerContext): ReportHandlers {
  const { store } = deps;
  return {
    'reports.create': ({ scanId, format }) =>
      plainErrors(async () => {
        const scan = await scanOrNotFound(store, scanId);
        if (scan.status !== 'complete' && scan.status !== 'partial') {
          throw new ApiError(
            'conflict',
            'That scan did not finish, so there is nothing to report.',
          );
        }
        const report = await createReport({
          store,
          scanId,
          format,
          checks: catalogMeta(),
          now: deps.clock(),
        });
        return {
          fileName: report.fileName,
          mimeType: report.mimeType,
          contentBase64: report.content.toString('base64'),
        };
      }),

    'branding.get': () => plainErrors(() => readBranding(store)),

    'branding.set': (branding) =>
      plainErrors(async () => {
        try {
          await saveBranding(store, branding, deps.clock());
        } catch (error) {
          // The store refuses a logo that is not a small PNG or JPEG, in plain words.
          if (error instanceof StoreError && error.code === 'error') {
            throw new ApiError('bad_request', error.message);
          }
          throw error;
        }
        return null;
      }),
  };
}
