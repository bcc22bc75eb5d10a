import type { BrandingRecord } from '../../shared/models/branding';
import type { ScanSummary } from '../../shared/models/scan-summary';
import type { SourceError, TenantSnapshot } from '../../shared/models/snapshot';
import { SOURCES, type SourceId } from '../../shared/models/sources';
import type { MethodSection, ReportFinding, SourceRead } from './report-model';

const SOURCE_TEXT: Record<string, string> = {
  demo: 'The built-in demo tenant (Contoso Dental), not a real organisation.',
  fixture: 'A recorded copy of a tenant, read offline.',
  live: 'The live Microsoft 365 tenant, read over Microsoft Graph and public DNS.',
};

const PROBLEMS: Record<SourceError['kind'], string> = {
  forbidden: 'the account used was not allowed to read it',
  not_licensed: 'the tenant does not have the licence Microsoft requires to read it',
  not_found: 'Microsoft said it does not exist for this tenant',
  throttled: 'Microsoft kept asking us to slow down, so we gave up',
  network: 'the network connection failed',
  invalid_response: 'the answer was not in the expected shape',
};

function sourcesRead(snapshot: TenantSnapshot | undefined): SourceRead[] {
  if (!snapshot) return [];
  return (Object.keys(snapshot.sources) as SourceId[]).flatMap((id) => {
    const result = snapshot.sources[id];
    const info = SOURCES[id];
    if (!result || !info) return [];
    return [
      {
        source: id,
        label: info.label.charAt(0).toUpperCase() + info.label.slice(1),
        permission: info.permission,
        ok: result.ok,
        ...(result.ok ? {} : { problem: PROBLEMS[result.error.kind] }),
      },
    ];
  });
}

/** What was read, with which permissions, when and by whom; what could not be checked, why. */
export function methodSection(options: {
  scan: ScanSummary;
  snapshot: TenantSnapshot | undefined;
  findings: readonly ReportFinding[];
  branding: BrandingRecord;
  toolVersion: string;
}): MethodSection {
  const { scan, snapshot, findings, branding } = options;
  const sources = sourcesRead(snapshot);
  return {
    source: scan.source,
    sourceText: SOURCE_TEXT[scan.source] ?? scan.source,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    collectedAt: snapshot?.asOf ?? snapshot?.collectedAt ?? null,
    profile:
      scan.profile === 'cisa'
        ? 'CISA SCuBA thresholds'
        : 'CIS Microsoft 365 Foundations thresholds',
    catalogVersion: scan.catalogVersion,
    toolVersion: options.toolVersion,
    preparedBy: branding.preparedBy || branding.companyName,
    sources,
    permissions: [...new Set(sources.map((s) => s.permission))].sort(),
    notRun: findings
      .filter(
        (f) => f.verdict === 'unknown' || f.verdict === 'manual' || f.verdict === 'not_applicable',
      )
      .map((f) => ({ checkId: f.checkId, title: f.title, verdict: f.verdict, reason: f.reason })),
  };
}
