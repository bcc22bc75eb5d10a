import type { ScanSummary } from '../../shared/models/scan-summary';
import type { TrendPoint } from './summaries';

/** Scans that finished with a score, oldest first: the points of the trend chart. */
export function trendPoints(scans: readonly ScanSummary[]): TrendPoint[] {
  return scans
    .filter((s) => (s.status === 'complete' || s.status === 'partial') && s.score !== null)
    .map((s) => ({ at: s.finishedAt ?? s.startedAt, score: s.score as number }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The newest scan that finished (completely or partly), which the dashboard shows. */
export function latestUsableScan(scans: readonly ScanSummary[]): ScanSummary | undefined {
  return [...scans]
    .filter((s) => s.status === 'complete' || s.status === 'partial')
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0];
}

export const SCAN_STATUS_LABELS: Record<ScanSummary['status'], string> = {
  running: 'Running',
  complete: 'Complete',
  partial: 'Partly complete: some settings could not be read',
  failed: 'Failed',
  interrupted: 'Interrupted before it finished',
};
