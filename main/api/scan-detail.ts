import { ApiError } from '../../shared/api/contract';
import type { ScanDetail } from '../../shared/api/views';
import { diffScans, type ScanDiff } from '../../shared/history/scan-diff';
import type { ScanSummary } from '../../shared/models/scan-summary';
import { scoreFindings } from '../engine/scan-record';
import type { Store } from '../store/store';

const FINISHED = new Set<ScanSummary['status']>(['complete', 'partial']);

export async function scanOrNotFound(store: Store, scanId: string): Promise<ScanSummary> {
  const scan = await store.getScan(scanId);
  if (!scan) throw new ApiError('not_found', 'That scan is not in this database any more.');
  return scan;
}

/**
 * The finished scan of the same tenant just before this one, if there is one. A partial scan
 * (some sources could not be read) counts: its findings are stored, with `unknown` where it
 * could not look, and the diff reports those as "newly could not check".
 */
function previousFinished(scans: readonly ScanSummary[], scan: ScanSummary): ScanSummary | null {
  const index = scans.findIndex((s) => s.id === scan.id);
  const earlier = index < 0 ? [] : scans.slice(0, index);
  return earlier.filter((s) => FINISHED.has(s.status)).at(-1) ?? null;
}

export async function diffStoredScans(
  store: Store,
  earlierId: string,
  laterId: string,
): Promise<ScanDiff> {
  return diffScans(await store.findings(earlierId), await store.findings(laterId));
}

/**
 * Everything the dashboard, findings and detail screens show for one scan. The score is computed
 * again with the tenant's decisions as they are now, so a decision shows at once.
 */
export async function buildScanDetail(
  store: Store,
  scanId: string,
  now: Date,
): Promise<ScanDetail> {
  const summary = await scanOrNotFound(store, scanId);
  if (!FINISHED.has(summary.status)) {
    const why =
      summary.status === 'running'
        ? 'That scan is still running.'
        : 'That scan did not finish, so it has no results. Run a new scan.';
    throw new ApiError('conflict', why);
  }
  const tenant = (await store.findTenant(summary.tenantId)) ?? {
    id: summary.tenantId,
    displayName: summary.tenantId,
    defaultDomain: '',
  };
  const [findings, decisions, progress, notes, scans] = await Promise.all([
    store.findings(scanId),
    store.decisions(summary.tenantId, now),
    store.progress(summary.tenantId),
    store.notes(summary.tenantId),
    store.listScans(summary.tenantId),
  ]);
  const previous = previousFinished(scans, summary);
  return {
    summary,
    tenant,
    findings,
    score: scoreFindings(findings, decisions),
    decisions,
    progress: progress.map(({ checkId, step, done }) => ({ checkId, step, done })),
    notes: notes.map(({ checkId, text }) => ({ checkId, text })),
    previousScanId: previous?.id ?? null,
    sincePrevious: previous ? await diffStoredScans(store, previous.id, scanId) : null,
  };
}
