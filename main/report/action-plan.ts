import { rankFixes } from '../../shared/score/impact';
import type { ScoreDecision } from '../../shared/score/score';
import type { ActionItem, ReportFinding } from './report-model';
import { decisionText } from './report-words';

/** The decision as far as the order of work is concerned (expired ones no longer count). */
function scoreDecisionOf(f: ReportFinding): ScoreDecision | undefined {
  if (!f.decision || f.decision.expired) return undefined;
  const kind = f.decision.decision.kind;
  return kind === 'incorrect_result' ? undefined : kind;
}

/**
 * Failing and partly met findings, most score for the least work first. Findings handled by a
 * compensating control or a third party are not in the plan; accepted risks stay, labelled.
 */
export function actionPlan(findings: readonly ReportFinding[]): ActionItem[] {
  const ranked = rankFixes(
    findings.map((finding) => {
      const decision = scoreDecisionOf(finding);
      return {
        checkId: finding.checkId,
        verdict: finding.verdict,
        severity: finding.severity,
        effortMinutes: finding.content.effortMinutes,
        ...(decision ? { decision } : {}),
        finding,
      };
    }),
  );
  return ranked.map(({ item, points }, index) => {
    const stored = item.finding.decision;
    const d = stored?.decision;
    const owner = d && (d.kind === 'planned' || d.kind === 'risk_accepted') ? d.owner : undefined;
    const dueDate = d?.kind === 'planned' ? d.dueDate.slice(0, 10) : undefined;
    return {
      rank: index + 1,
      finding: item.finding,
      points,
      ...(owner ? { owner } : {}),
      ...(dueDate ? { dueDate } : {}),
      ...(d ? { decisionText: decisionText(d, stored.expired) } : {}),
    };
  });
}
