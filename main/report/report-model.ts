import type { BrandingRecord } from '../../shared/models/branding';
import type { CheckContent, CheckFamily } from '../../shared/models/check';
import type { Decision, StoredDecision } from '../../shared/models/decision';
import type { AffectedObject, Evidence } from '../../shared/models/finding';
import type { CsfFunctionName, Mappings } from '../../shared/models/framework';
import type { ScanJson } from '../../shared/models/scan-json';
import type { ScanSummary } from '../../shared/models/scan-summary';
import type { Severity } from '../../shared/models/severity';
import type { TenantInfo } from '../../shared/models/tenant';
import type { Verdict } from '../../shared/models/verdict';
import type { Score } from '../../shared/score/score';

/** One finding with everything a report says about it. */
export interface ReportFinding {
  readonly checkId: string;
  readonly title: string;
  readonly family: CheckFamily;
  readonly severity: Severity;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly reasonCode?: string;
  readonly affected: readonly AffectedObject[];
  readonly evidence: readonly Evidence[];
  readonly mappings: Mappings;
  readonly stormLesson?: string;
  readonly permissions: readonly string[];
  readonly content: CheckContent;
  readonly decision?: StoredDecision;
  readonly note?: string;
  /** Remediation steps ticked off in the app. */
  readonly stepsDone: number;
}

export interface ReportCheckRef {
  readonly checkId: string;
  readonly title: string;
}

/** Plain answer words, never colour alone. */
export type Answer = 'Yes' | 'Partly' | 'No' | 'Unknown';

export interface TopRisk extends ReportCheckRef {
  readonly severity: Severity;
  readonly reason: string;
  /** What it could lead to, in business words. */
  readonly consequence: string;
  /** The decision taken on it, in words, when there is one. */
  readonly decision?: string;
}

export interface SinceLastTime {
  readonly previousScanId: string;
  readonly previousDate: string;
  readonly previousScore: number | null;
  readonly fixed: readonly ReportCheckRef[];
  readonly newlyFailing: readonly ReportCheckRef[];
  readonly stillFailing: number;
  readonly decisionsChanged: number;
}

export interface InvestigationCheck extends ReportCheckRef {
  readonly answer: Answer;
  readonly verdict: Verdict;
  readonly lesson: string;
}

export interface DecisionLine extends ReportCheckRef {
  readonly decision: Decision;
  readonly decidedBy: string;
  readonly expired: boolean;
}

export interface ExecutiveSummary {
  readonly score: number | null;
  /** One word for the score: "Good", "Needs work", "At risk" or "Not enough data". */
  readonly rating: string;
  readonly coverage: { readonly assessed: number; readonly total: number };
  readonly counts: {
    readonly fail: number;
    readonly warn: number;
    readonly pass: number;
    readonly notAssessed: number;
  };
  readonly topRisks: readonly TopRisk[];
  readonly sinceLastTime?: SinceLastTime;
  readonly investigation: {
    readonly answer: Answer;
    readonly sentence: string;
    readonly checks: readonly InvestigationCheck[];
  };
  readonly decisions: readonly DecisionLine[];
}

export interface ActionItem {
  /** 1 = do first. */
  readonly rank: number;
  readonly finding: ReportFinding;
  readonly owner?: string;
  readonly dueDate?: string;
  /** The decision in words ("Risk accepted until 2027-03-31"), when there is one. */
  readonly decisionText?: string;
  /** Score points the fix would win. */
  readonly points: number;
}

export interface CsfFunctionView {
  readonly name: CsfFunctionName;
  readonly score: number | null;
  readonly assessed: number;
  readonly total: number;
  readonly failing: number;
  readonly subcategories: readonly string[];
}

export interface SafeguardView {
  readonly id: string;
  readonly title: string;
  /** Checks mapped to this safeguard; empty when a tenant scan cannot assess it. */
  readonly checks: readonly ReportCheckRef[];
  /** Worst result among the mapped checks that could be assessed. */
  readonly answer?: Answer;
}

export interface FrameworkViews {
  readonly csf: readonly CsfFunctionView[];
  readonly cisIg1: readonly SafeguardView[];
  /** CIS safeguards the checks reference beyond IG1. */
  readonly otherSafeguards: readonly string[];
}

export interface SourceRead {
  readonly source: string;
  readonly label: string;
  readonly permission: string;
  readonly ok: boolean;
  /** Why it could not be read, in plain words. */
  readonly problem?: string;
}

export interface NotRunCheck extends ReportCheckRef {
  readonly verdict: Verdict;
  readonly reason: string;
}

export interface MethodSection {
  readonly source: string;
  readonly sourceText: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly collectedAt: string | null;
  readonly profile: string;
  readonly catalogVersion: string;
  readonly toolVersion: string;
  readonly preparedBy: string;
  readonly sources: readonly SourceRead[];
  readonly permissions: readonly string[];
  readonly notRun: readonly NotRunCheck[];
}

/** Everything a report shows; every renderer reads only this. */
export interface ReportModel {
  readonly preparedAt: string;
  readonly branding: BrandingRecord;
  readonly tenant: TenantInfo;
  readonly scan: ScanSummary;
  readonly score: Score;
  readonly findings: readonly ReportFinding[];
  readonly summary: ExecutiveSummary;
  readonly actionPlan: readonly ActionItem[];
  readonly frameworks: FrameworkViews;
  readonly method: MethodSection;
  readonly scanJson: ScanJson;
}
