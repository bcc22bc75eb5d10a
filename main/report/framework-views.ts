import { CIS_IG1_SAFEGUARDS, compareSafeguards } from '../../shared/models/cis-ig1';
import { CSF_FUNCTIONS, csfFunctionOf } from '../../shared/models/framework';
import type { Score } from '../../shared/score/score';
import type {
  Answer,
  CsfFunctionView,
  FrameworkViews,
  ReportFinding,
  SafeguardView,
} from './report-model';
import { answerOf } from './report-words';

const WORST_FIRST: readonly Answer[] = ['No', 'Partly', 'Yes'];

/** The worst answer among the assessed findings; undefined when none could be assessed. */
function worstAnswer(findings: readonly ReportFinding[]): Answer | undefined {
  const answers = new Set(findings.map((f) => answerOf(f.verdict)));
  return WORST_FIRST.find((a) => answers.has(a)) ?? (findings.length ? 'Unknown' : undefined);
}

/**
 * NIST CSF 2.0 functions and CIS Controls v8 IG1 safeguards: what this scan covers and what it
 * cannot see. Coverage is not compliance: a safeguard "covered" here is only partly about
 * Microsoft 365 settings.
 */
export function frameworkViews(findings: readonly ReportFinding[], score: Score): FrameworkViews {
  const applicable = findings.filter((f) => f.verdict !== 'not_applicable');
  const csf: CsfFunctionView[] = CSF_FUNCTIONS.map((fn) => {
    const mine = applicable.filter((f) =>
      f.mappings.nistCsf.some((s) => csfFunctionOf(s) === fn.id),
    );
    const part = score.byFunction[fn.name];
    return {
      name: fn.name,
      score: part.score,
      assessed: part.assessed,
      total: part.total,
      failing: mine.filter((f) => f.verdict === 'fail' || f.verdict === 'warn').length,
      subcategories: [
        ...new Set(
          mine.flatMap((f) => f.mappings.nistCsf.filter((s) => csfFunctionOf(s) === fn.id)),
        ),
      ].sort(),
    };
  });
  const ig1 = new Set(CIS_IG1_SAFEGUARDS.map((s) => s.id));
  const cisIg1: SafeguardView[] = CIS_IG1_SAFEGUARDS.map((s) => {
    const mine = applicable.filter((f) => f.mappings.cisControls.includes(s.id));
    const answer = worstAnswer(mine);
    return {
      id: s.id,
      title: s.title,
      checks: mine.map((f) => ({ checkId: f.checkId, title: f.title })),
      ...(answer ? { answer } : {}),
    };
  });
  const otherSafeguards = [
    ...new Set(findings.flatMap((f) => f.mappings.cisControls).filter((id) => !ig1.has(id))),
  ].sort(compareSafeguards);
  return { csf, cisIg1, otherSafeguards };
}
