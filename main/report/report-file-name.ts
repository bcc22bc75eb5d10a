import type { ReportFormat } from '../../shared/api/contract';
import type { ReportModel } from './report-model';

/** `breach-ready-contosodental.com-2026-11-28.pdf`: safe on every file system. */
export function reportFileName(model: ReportModel, format: ReportFormat): string {
  const name = (model.tenant.defaultDomain || model.tenant.displayName || 'tenant')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  const kind = format === 'csv' ? '-action-plan' : '';
  return `breach-ready-${name || 'tenant'}${kind}-${model.scan.startedAt.slice(0, 10)}.${format}`;
}
