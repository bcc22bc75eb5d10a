import type { CheckMeta } from '../../shared/models/check';
import type { Finding } from '../../shared/models/finding';
import type { Check, EvaluationContext, Outcome } from './check';
import { ADM_001, ADM_002, ADM_003 } from './adm-checks';
import { APP_001, APP_002 } from './app-checks';
import { CA_001, CA_002, CA_003, CA_005 } from './ca-checks';
import { GST_001, GST_002, PWD_001, SPO_001 } from './tenant-checks';
import { unknownFromSource, UnexpectedShapeError } from './source-data';

/** Bumped whenever a check is added or its logic changes. */
export const CATALOG_VERSION = '2026.11.1';

export const CHECKS: readonly Check[] = [
  CA_001,
  CA_002,
  CA_003,
  CA_005,
  ADM_001,
  ADM_002,
  ADM_003,
  PWD_001,
  APP_001,
  APP_002,
  GST_001,
  GST_002,
  SPO_001,
];

/** Metadata only (no evaluators): what the CLI, reports and the app show. */
export function catalogMeta(): CheckMeta[] {
  return CHECKS.map((c) => {
    const { evaluate: _evaluate, uses: _uses, ...meta } = c;
    return meta;
  });
}

/** Every source any check reads. */
export function sourcesNeeded(checks: readonly Check[] = CHECKS) {
  return [...new Set(checks.flatMap((c) => [...c.requires, ...(c.uses ?? [])]))];
}

function runOne(check: Check, ctx: EvaluationContext): Outcome {
  for (const source of check.requires) {
    const result = ctx.snapshot.sources[source];
    if (!result?.ok) return unknownFromSource(source, result);
  }
  try {
    return check.evaluate(ctx);
  } catch (error) {
    if (error instanceof UnexpectedShapeError) {
      return unknownFromSource(error.source, {
        ok: false,
        error: { kind: 'invalid_response', message: error.message },
        fetchedAt: ctx.snapshot.collectedAt,
      });
    }
    return {
      verdict: 'unknown',
      reasonCode: 'error',
      reason: 'Something went wrong while evaluating this check, so it could not be checked.',
      affected: [],
      evidence: [],
    };
  }
}

/** Pure: evaluates every check against a snapshot. Never passes on missing data. */
export function evaluateAll(ctx: EvaluationContext, checks: readonly Check[] = CHECKS): Finding[] {
  return checks.map((check) => ({ checkId: check.id, ...runOne(check, ctx) }));
}
