import type { ReportFormat } from '../../shared/api/contract';
import type { CheckMeta } from '../../shared/models/check';
import type { Store } from '../store/store';
import { buildReportModel } from './build-report-model';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderPdf } from './render-pdf';
import { reportFileName } from './report-file-name';

export type { ReportFormat } from '../../shared/api/contract';

export interface CreateReportOptions {
  readonly store: Store;
  readonly scanId: string;
  readonly format: ReportFormat;
  /** The check catalog's metadata (titles, severity, content, mappings). */
  readonly checks: readonly CheckMeta[];
  /** The moment the report is prepared (dates, expired decisions). */
  readonly now: Date;
}

export interface ReportOutput {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: Buffer;
}

const MIME_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
};

/**
 * A report of one stored scan, ready to save. Throws `StoreError` (code `not_found`) when the
 * scan is not in the database or never finished.
 */
export async function createReport(options: CreateReportOptions): Promise<ReportOutput> {
  const model = await buildReportModel(options);
  const content = await render(options.format, model);
  return {
    fileName: reportFileName(model, options.format),
    mimeType: MIME_TYPES[options.format],
    content,
  };
}

function render(format: ReportFormat, model: Awaited<ReturnType<typeof buildReportModel>>) {
  switch (format) {
    case 'html':
      return Promise.resolve(Buffer.from(renderHtml(model), 'utf8'));
    case 'pdf':
      return renderPdf(model);
    case 'csv':
      return Promise.resolve(renderCsv(model));
    case 'json':
      return Promise.resolve(
        Buffer.from(`${JSON.stringify(renderJson(model), null, 2)}\n`, 'utf8'),
      );
  }
}
