import type { ScanJson } from '../../shared/models/scan-json';
import type { ReportModel } from './report-model';

/** The documented scan JSON (DESIGN.md §The command line), with the decisions taken. */
export function renderJson(model: ReportModel): ScanJson {
  return model.scanJson;
}
