import { diffScans } from '../../shared/history/scan-diff';
import type { Finding } from '../../shared/models/finding';
import type { ScanSummary } from '../../shared/models/scan-summary';
import { severityRank } from '../../shared/models/severity';
import type { Score } from '../../shared/score/score';
import type {
  Answer,
  DecisionLine,
  ExecutiveSummary,
  InvestigationCheck,
  ReportFinding,
  SinceLastTime,
  TopRisk,
} from './report-model';
import { answerOf, decisionText, firstSentences, plural, ratingOf } from './report-words';

export interface PreviousScan {
  readonly summary: ScanSummary;
  readonly findings: readonly Finding[];
  /** Decisions changed between the two scans. */
  readonly decisionsChanged: number;
}

/** A finding that still needs fixing (a compensating control or third party counts as handled). */
export function isOpen(f: ReportFinding): boolean {
  if (f.verdict !== 'fail' && f.verdict !== 'warn') return false;
  const kind = f.decision && !f.decision.expired ? f.decision.decision.kind : undefined;
  return kind !== 'compensating_control' && kind !== 'third_party';
}

/** The three most severe open findings; failing before partly met, then catalog order. */
export function topRisks(findings: readonly ReportFinding[], count = 3): TopRisk[] {
  return findings
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => isOpen(f))
    .sort(
      (a, b) =>
        severityRank(b.f.severity) - severityRank(a.f.severity) ||
        Number(a.f.verdict === 'warn') - Number(b.f.verdict === 'warn') ||
        a.index - b.index,
    )
    .slice(0, count)
    .map(({ f }) => ({
      checkId: f.checkId,
      title: f.title,
      severity: f.severity,
      reason: f.reason,
      consequence: firstSentences(f.content.why, 2),
      ...(f.decision
        ? { decision: `${decisionText(f.decision.decision, f.decision.expired)}.` }
        : {}),
    }));
}

function sinceLastTime(findings: readonly ReportFinding[], previous: PreviousScan): SinceLastTime {
  const diff = diffScans(previous.findings, findings);
  const titles = new Map(findings.map((f) => [f.checkId, f.title]));
  const ref = (checkId: string) => ({ checkId, title: titles.get(checkId) ?? checkId });
  return {
    previousScanId: previous.summary.id,
    previousDate: previous.summary.finishedAt ?? previous.summary.startedAt,
    previousScore: previous.summary.score,
    fixed: diff.fixed.map(ref),
    newlyFailing: diff.newlyFailing.map(ref),
    stillFailing: diff.stillFailing.length,
    decisionsChanged: previous.decisionsChanged,
  };
}

/** "Could you investigate a breach?": the checks that answer a Storm-0558 lesson. */
export function investigation(
  findings: readonly ReportFinding[],
): ExecutiveSummary['investigation'] {
  const checks: InvestigationCheck[] = findings
    .filter((f) => f.stormLesson && f.verdict !== 'not_applicable')
    .map((f) => ({
      checkId: f.checkId,
      title: f.title,
      verdict: f.verdict,
      answer: answerOf(f.verdict),
      lesson: f.stormLesson!,
    }));
  const assessed = checks.filter((c) => c.answer !== 'Unknown');
  const yes = checks.filter((c) => c.answer === 'Yes').length;
  let answer: Answer;
  let sentence: string;
  if (assessed.length === 0) {
    answer = 'Unknown';
    sentence =
      'We could not tell: the settings that decide whether a break-in can be investigated could not be read.';
  } else if (yes === checks.length) {
    answer = 'Yes';
    sentence =
      'Yes. The records you would need to investigate a break-in are switched on, kept, and the apps that read mail are known.';
  } else if (assessed.every((c) => c.answer === 'No')) {
    answer = 'No';
    sentence = `Not today. None of the ${checks.length} things investigators would need is in place, so a break-in could go unnoticed and could not be traced afterwards.`;
  } else {
    answer = 'Partly';
    sentence = `Only partly. ${yes} of the ${checks.length} things investigators would need ${yes === 1 ? 'is' : 'are'} fully in place; the gaps below would leave holes in the record of a break-in.`;
  }
  return { answer, sentence, checks };
}

/** Decisions taken, accepted risks first (they are the ones a business owner signs off). */
function decisionLines(findings: readonly ReportFinding[]): DecisionLine[] {
  const accepted = (d: DecisionLine) => (d.decision.kind === 'risk_accepted' ? 0 : 1);
  return decisionsOf(findings).sort((a, b) => accepted(a) - accepted(b));
}

function decisionsOf(findings: readonly ReportFinding[]): DecisionLine[] {
  return findings.flatMap((f) =>
    f.decision
      ? [
          {
            checkId: f.checkId,
            title: f.title,
            decision: f.decision.decision,
            decidedBy: f.decision.decidedBy,
            expired: f.decision.expired,
          },
        ]
      : [],
  );
}

export function executiveSummary(
  findings: readonly ReportFinding[],
  score: Score,
  previous: PreviousScan | undefined,
): ExecutiveSummary {
  const count = (verdicts: readonly string[]) =>
    findings.filter((f) => verdicts.includes(f.verdict)).length;
  return {
    score: score.overall,
    rating: ratingOf(score.overall),
    coverage: score.coverage,
    counts: {
      fail: count(['fail']),
      warn: count(['warn']),
      pass: count(['pass']),
      notAssessed: count(['unknown', 'manual']),
    },
    topRisks: topRisks(findings),
    ...(previous ? { sinceLastTime: sinceLastTime(findings, previous) } : {}),
    investigation: investigation(findings),
    decisions: decisionLines(findings),
  };
}

/** "61 of 62 checks that apply to this tenant could be assessed." */
export function coverageSentence(coverage: { assessed: number; total: number }): string {
  return `${coverage.assessed} of ${plural(coverage.total, 'check')} that apply to this organisation could be assessed.`;
}
