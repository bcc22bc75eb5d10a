import { CSF_FUNCTIONS, csfFunctionOf, type CsfFunctionName } from '../models/framework';
import { SEVERITY_WEIGHTS, type Severity } from '../models/severity';
import type { Verdict } from '../models/verdict';

/** A user's decision on a finding, as far as the score is concerned. */
export type ScoreDecision = 'compensating_control' | 'third_party' | 'risk_accepted' | 'planned';

export interface ScoreInput {
  readonly verdict: Verdict;
  readonly severity: Severity;
  /** NIST CSF 2.0 subcategories of the check. */
  readonly nistCsf: readonly string[];
  readonly decision?: ScoreDecision;
}

export interface ScorePart {
  /** 0–100, one decimal; `null` when nothing weighted could be assessed. */
  readonly score: number | null;
  readonly assessed: number;
  readonly total: number;
}

export interface Score {
  readonly overall: number | null;
  readonly byFunction: Record<CsfFunctionName, ScorePart>;
  /** "34 of 41 checks assessed": checks that apply, and how many of them we could assess. */
  readonly coverage: { readonly assessed: number; readonly total: number };
}

/** Credit a finding earns: 1 pass, 0.5 partly met, 0 fail; `null` when it leaves the score. */
export function credit(input: Pick<ScoreInput, 'verdict' | 'decision'>): number | null {
  const { verdict, decision } = input;
  if (verdict === 'pass') return 1;
  if (verdict !== 'warn' && verdict !== 'fail') return null;
  if (decision === 'compensating_control' || decision === 'third_party') return 1;
  if (decision === 'risk_accepted' || decision === 'planned') return 0;
  return verdict === 'warn' ? 0.5 : 0;
}

interface Tally {
  earned: number;
  possible: number;
  assessed: number;
  total: number;
}

function add(t: Tally, input: ScoreInput): void {
  if (input.verdict === 'not_applicable') return;
  t.total += 1;
  const c = credit(input);
  if (c === null) return;
  t.assessed += 1;
  const weight = SEVERITY_WEIGHTS[input.severity];
  t.earned += c * weight;
  t.possible += weight;
}

function toPart(t: Tally): ScorePart {
  const score = t.possible > 0 ? Math.round((t.earned / t.possible) * 1000) / 10 : null;
  return { score, assessed: t.assessed, total: t.total };
}

/**
 * The score of DESIGN.md: severity-weighted credit over the checks that could be assessed.
 * `unknown`, `manual` and `not_applicable` leave the denominator; `not_applicable` also leaves
 * coverage, because the check does not apply to this tenant.
 */
export function computeScore(inputs: readonly ScoreInput[]): Score {
  const overall: Tally = { earned: 0, possible: 0, assessed: 0, total: 0 };
  const perFunction = new Map<CsfFunctionName, Tally>(
    CSF_FUNCTIONS.map((f) => [f.name, { earned: 0, possible: 0, assessed: 0, total: 0 }]),
  );
  for (const input of inputs) {
    add(overall, input);
    const functions = new Set(input.nistCsf.map(csfFunctionOf).filter((f) => f !== undefined));
    for (const f of CSF_FUNCTIONS) {
      if (functions.has(f.id)) add(perFunction.get(f.name)!, input);
    }
  }
  const byFunction = Object.fromEntries(
    [...perFunction].map(([name, tally]) => [name, toPart(tally)]),
  ) as Record<CsfFunctionName, ScorePart>;
  const o = toPart(overall);
  return { overall: o.score, byFunction, coverage: { assessed: o.assessed, total: o.total } };
}
