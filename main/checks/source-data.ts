import { z } from 'zod';
import { SOURCES, type SourceId } from '../../shared/models/sources';
import type { SourceResult } from '../../shared/models/snapshot';
import type { EvaluationContext, Outcome } from './check';

/** Raised inside an evaluator when a source's data does not have the expected shape. */
export class UnexpectedShapeError extends Error {
  constructor(
    readonly source: SourceId,
    detail: string,
  ) {
    super(`${source}: ${detail}`);
    this.name = 'UnexpectedShapeError';
  }
}

/**
 * Parse results per source result and schema. Several checks read the same source with the same
 * schema; on a large tenant parsing it once saves both time and memory. The result is the same as
 * parsing again, so evaluation stays pure (evaluators never change what they parsed).
 */
const parsedByEvaluation = new WeakMap<
  EvaluationContext,
  Map<object, Map<z.ZodType, z.ZodSafeParseResult<unknown>>>
>();

function safeParseOnce<T>(
  ctx: EvaluationContext,
  result: Extract<SourceResult, { ok: true }>,
  schema: z.ZodType<T>,
): z.ZodSafeParseResult<T> {
  // Kept for one evaluation only, so the copies go once the findings are made.
  let bySource = parsedByEvaluation.get(ctx);
  if (!bySource) {
    bySource = new Map();
    parsedByEvaluation.set(ctx, bySource);
  }
  let bySchema = bySource.get(result);
  if (!bySchema) {
    bySchema = new Map();
    bySource.set(result, bySchema);
  }
  let parsed = bySchema.get(schema);
  if (!parsed) {
    parsed = schema.safeParse(result.data);
    bySchema.set(schema, parsed);
  }
  return parsed as z.ZodSafeParseResult<T>;
}

/** Parses a source that was read; throws UnexpectedShapeError when its shape is wrong. */
export function parseSource<T>(ctx: EvaluationContext, source: SourceId, schema: z.ZodType<T>): T {
  const result = ctx.snapshot.sources[source];
  if (!result?.ok) throw new UnexpectedShapeError(source, 'not read');
  const parsed = safeParseOnce(ctx, result, schema);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnexpectedShapeError(
      source,
      `${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}

/** Parses an optional source; `undefined` when it was not read or has an unexpected shape. */
export function parseOptionalSource<T>(
  ctx: EvaluationContext,
  source: SourceId,
  schema: z.ZodType<T>,
): T | undefined {
  const result = ctx.snapshot.sources[source];
  if (!result?.ok) return undefined;
  const parsed = safeParseOnce(ctx, result, schema);
  return parsed.success ? parsed.data : undefined;
}

/** The plain-language `unknown` outcome for a source that could not be read. */
export function unknownFromSource(source: SourceId, result: SourceResult | undefined): Outcome {
  const info = SOURCES[source];
  const evidence = [
    {
      source,
      summary:
        result && !result.ok ? `${result.error.kind}: ${result.error.message}` : 'not collected',
    },
  ];
  if (!result || result.ok) {
    return {
      verdict: 'unknown',
      reasonCode: 'error',
      reason: `We did not read ${info.label} in this scan, so this could not be checked.`,
      affected: [],
      evidence,
    };
  }
  const how = `grant the app the ${info.permission} permission, or scan with an account that holds ${info.roles}`;
  switch (result.error.kind) {
    case 'forbidden':
      return {
        verdict: 'unknown',
        reasonCode: 'forbidden',
        reason: `We were not allowed to read ${info.label}. To check this, ${how}.`,
        affected: [],
        evidence,
      };
    case 'not_licensed':
      return {
        verdict: 'unknown',
        reasonCode: 'not_licensed_api',
        reason: `Microsoft only lets tenants with ${info.licence ?? 'a premium licence'} read ${info.label}, so this could not be checked.`,
        affected: [],
        evidence,
      };
    case 'not_found':
      return {
        verdict: 'unknown',
        reasonCode: 'not_found',
        reason: info.licence
          ? `Microsoft 365 did not return ${info.label} for this tenant, which usually means it has no ${info.licence}, so this could not be checked.`
          : `Microsoft 365 did not return ${info.label} for this tenant, so this could not be checked.`,
        affected: [],
        evidence,
      };
    case 'throttled':
      return {
        verdict: 'unknown',
        reasonCode: 'throttled',
        reason: `Microsoft kept asking us to slow down while reading ${info.label}. Run the scan again in a few minutes.`,
        affected: [],
        evidence,
      };
    case 'network':
      return {
        verdict: 'unknown',
        reasonCode: 'network',
        reason: `Microsoft Graph did not answer while we read ${info.label}. Check the connection and scan again.`,
        affected: [],
        evidence,
      };
    case 'invalid_response':
      return {
        verdict: 'unknown',
        reasonCode: 'invalid_response',
        reason: `Microsoft Graph sent back ${info.label} in a form we could not read, so this could not be checked.`,
        affected: [],
        evidence,
      };
  }
}
