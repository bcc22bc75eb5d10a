import type { CheckMeta } from '../../shared/models/check';
import type { Finding } from '../../shared/models/finding';
import type { Check, EvaluationContext, Outcome } from './check';
import { ADM_CHECKS } from './adm-checks';
import { APP_CHECKS } from './app-checks';
import { AUTH_CHECKS } from './auth-checks';
import { CA_CHECKS } from './ca-checks';
import { DNS_CHECKS } from './dns-checks';
import { GUEST_CHECKS } from './guest-checks';
import { LOG_CHECKS } from './log-checks';
import { PWD_CHECKS } from './pwd-checks';
import { SS_CHECKS } from './secure-score-checks';
import { SPO_CHECKS } from './spo-checks';
import { BASE_TENANT_CHECKS } from './tenant-checks';
import { TEN_CHECKS } from './tenant-settings-checks';
import { unknownFromSource, UnexpectedShapeError } from './source-data';

/** Bumped whenever a check is added or its logic changes. */
export const CATALOG_VERSION = '2026.11.2';

/** The catalog, in the order people read it: sign-in protection first, investigation last. */
export const CHECKS: readonly Check[] = [
  ...CA_CHECKS,
  ...AUTH_CHECKS,
  ...ADM_CHECKS,
  ...BASE_TENANT_CHECKS,
  ...PWD_CHECKS,
  ...APP_CHECKS,
  ...GUEST_CHECKS,
  ...TEN_CHECKS,
  ...SPO_CHECKS,
  ...LOG_CHECKS,
  ...SS_CHECKS,
  ...DNS_CHECKS,
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
