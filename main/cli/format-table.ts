import type { CheckMeta } from '../../shared/models/check';
import type { ScanJson } from '../../shared/models/scan-json';
import { severityRank } from '../../shared/models/severity';
import { VERDICT_LABELS, type Verdict } from '../../shared/models/verdict';
import { scoreNumber } from '../../shared/score/score-text';

const VERDICT_ORDER: Verdict[] = ['fail', 'warn', 'unknown', 'manual', 'not_applicable', 'pass'];
const MARK: Record<Verdict, string> = {
  fail: '[FAIL]',
  warn: '[PART]',
  unknown: '[ ?? ]',
  manual: '[ASK ]',
  not_applicable: '[ NA ]',
  pass: '[ OK ]',
};

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

/** The scan as a readable report for a terminal: worst first, words not colours. */
export function formatScanTable(scan: ScanJson, width = 100): string {
  const out: string[] = [];
  const { tenant, score } = scan;
  out.push(`${tenant.displayName} (${tenant.defaultDomain}) · profile ${scan.scan.profile}`);
  out.push(
    `Score: ${score.overall === null ? 'not enough data' : `${scoreNumber(score.overall)} / 100`} · ${score.coverage.assessed} of ${score.coverage.total} checks assessed`,
  );
  const counts = VERDICT_ORDER.map(
    (v) =>
      `${scan.findings.filter((f) => f.verdict === v).length} ${VERDICT_LABELS[v].toLowerCase()}`,
  );
  out.push(counts.join(' · '));
  out.push('');
  const sorted = [...scan.findings].sort(
    (a, b) =>
      VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) ||
      severityRank(b.severity) - severityRank(a.severity) ||
      a.checkId.localeCompare(b.checkId),
  );
  for (const f of sorted) {
    out.push(`${MARK[f.verdict]} ${f.checkId.padEnd(8)} ${f.severity.padEnd(8)} ${f.title}`);
    out.push(wrap(f.reason, width - 16, ' '.repeat(16)));
    for (const a of f.affected.slice(0, 5)) {
      out.push(`${' '.repeat(16)}- ${a.displayName}${a.detail ? ` (${a.detail})` : ''}`);
    }
    if (f.affected.length > 5) out.push(`${' '.repeat(16)}- and ${f.affected.length - 5} more`);
  }
  const storm = scan.findings.filter((f) => f.stormLesson);
  if (storm.length) {
    out.push('');
    out.push('Could you investigate a breach? (lessons of the 2023 Storm-0558 mail break-in)');
    for (const f of storm) {
      out.push(`${MARK[f.verdict]} ${f.checkId.padEnd(8)} ${f.title}`);
      out.push(wrap(f.stormLesson!, width - 16, ' '.repeat(16)));
    }
  }
  out.push('');
  out.push(
    '[FAIL] fail  [PART] partly met  [ ?? ] could not check  [ASK ] needs your answer  [ NA ] not applicable  [ OK ] pass',
  );
  return out.join('\n') + '\n';
}

/** The catalog as a table. */
export function formatChecksTable(checks: readonly CheckMeta[]): string {
  const rows = checks.map((c) => [
    c.id,
    c.severity,
    c.title,
    c.mappings.cisM365.join(' ') || '-',
    c.mappings.nistCsf.join(' '),
    c.stormLesson ? 'yes' : '',
  ]);
  const header = ['ID', 'SEVERITY', 'CHECK', 'CIS M365', 'NIST CSF', 'STORM-0558'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line), '', `${checks.length} checks`].join('\n') + '\n';
}
