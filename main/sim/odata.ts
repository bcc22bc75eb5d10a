/** OData query options as Microsoft Graph reads them: parsing, `$select`, paging. Pure functions. */

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export interface ODataQuery {
  /** Property names from `$select`, as written. */
  readonly select?: readonly string[];
  readonly top?: number;
  readonly skipToken?: string;
  readonly count: boolean;
  /** Navigation property names from `$expand` (nested options dropped). */
  readonly expand: readonly string[];
  readonly filter?: string;
}

const KNOWN_OPTIONS = ['$select', '$top', '$skiptoken', '$count', '$expand', '$filter'] as const;

const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

const PROPERTY = /^[A-Za-z_][\w.@/#-]*$/;

/** Reads the `$`-options of a Graph request. Other parameters are ignored. */
export function parseODataQuery(params: URLSearchParams): Parsed<ODataQuery> {
  const seen = new Map<string, string>();
  for (const [rawName, value] of params) {
    if (!rawName.startsWith('$')) continue;
    const name = rawName.toLowerCase();
    if (!(KNOWN_OPTIONS as readonly string[]).includes(name)) {
      return fail(`Query option '${rawName}' is not supported.`);
    }
    if (seen.has(name))
      return fail(
        `Query option '${rawName}' was specified more than once, but it must be specified at most once.`,
      );
    seen.set(name, value);
  }

  let select: string[] | undefined;
  const selectText = seen.get('$select');
  if (selectText !== undefined) {
    select = selectText.split(',').map((s) => s.trim());
    const bad = select.find((s) => !PROPERTY.test(s));
    if (bad !== undefined)
      return fail(`Parsing OData Select and Expand failed: invalid property '${bad}' in $select.`);
  }

  let top: number | undefined;
  const topText = seen.get('$top');
  if (topText !== undefined) {
    if (!/^\d+$/.test(topText.trim()) || Number(topText) < 1) {
      return fail(
        `Invalid value '${topText}' for $top query option found. The $top query option requires a positive integer.`,
      );
    }
    top = Math.min(Number(topText), MAX_PAGE_SIZE);
  }

  let count = false;
  const countText = seen.get('$count');
  if (countText !== undefined) {
    const lower = countText.trim().toLowerCase();
    if (lower !== 'true' && lower !== 'false') {
      return fail(
        `'${countText}' is not a valid count option. The $count query option requires true or false.`,
      );
    }
    count = lower === 'true';
  }

  const expand: string[] = [];
  const expandText = seen.get('$expand');
  if (expandText !== undefined) {
    for (const part of splitTopLevel(expandText)) {
      const name = part.split('(')[0]?.trim() ?? '';
      if (!PROPERTY.test(name) && name !== '*') {
        return fail(
          `Parsing OData Select and Expand failed: invalid navigation property '${part}' in $expand.`,
        );
      }
      expand.push(name);
    }
  }

  const skipToken = seen.get('$skiptoken');
  const filter = seen.get('$filter');
  return {
    ok: true,
    value: {
      ...(select ? { select } : {}),
      ...(top !== undefined ? { top } : {}),
      ...(skipToken !== undefined ? { skipToken } : {}),
      count,
      expand,
      ...(filter !== undefined ? { filter } : {}),
    },
  };
}

/** A compiled `$filter` expression. */
export type FilterPredicate = (item: Record<string, unknown>) => boolean;

/**
 * Compiles a `$filter` expression. The supported subset is empty for now: every expression is
 * answered with Graph's "Invalid filter clause" error. This is the one place to extend.
 */
export function compileFilter(expression: string): Parsed<FilterPredicate> {
  return fail(`Invalid filter clause: the expression '${expression}' is not supported.`);
}

/**
 * Keeps the selected properties (matched case-insensitively) plus `id`, every `@odata.*`
 * annotation and the expanded navigation properties the item holds.
 */
export function applySelect(
  item: Record<string, unknown>,
  select: readonly string[] | undefined,
  expand: readonly string[] = [],
): Record<string, unknown> {
  if (!select || select.length === 0 || select.includes('*')) return item;
  const keep = new Set([...select, ...expand, 'id'].map((s) => s.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const lower = key.toLowerCase();
    if (keep.has(lower) || lower.startsWith('@odata.') || key.includes('@odata.')) out[key] = value;
  }
  return out;
}

/** The page size a request asks for. */
export function pageSize(top: number | undefined): number {
  return Math.min(top ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
}

/** One page of a collection, and the offset of the next page when there is one. */
export function pageOf<T>(
  items: readonly T[],
  offset: number,
  size: number,
): { readonly page: T[]; readonly nextOffset?: number } {
  const page = items.slice(offset, offset + size);
  const end = offset + size;
  return end < items.length ? { page, nextOffset: end } : { page };
}

/** A small stable hash (FNV-1a, 32 bit) that binds a skip token to its collection. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** An opaque `$skiptoken` for an offset inside the collection named by `scope`. */
export function encodeSkipToken(offset: number, scope: string): string {
  return Buffer.from(`skip:${offset}:${fnv1a(scope.toLowerCase())}`).toString('base64url');
}

/** The offset a `$skiptoken` stands for, or undefined when it was not issued for `scope`. */
export function decodeSkipToken(token: string, scope: string): number | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^skip:(\d+):([0-9a-z]+)$/.exec(text);
  if (!match || match[2] !== fnv1a(scope.toLowerCase())) return undefined;
  const offset = Number(match[1]);
  return Number.isSafeInteger(offset) ? offset : undefined;
}

/** Percent-encodes a query part but keeps the characters Graph writes literally in links. */
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%(24|2C|3A|2F|40)/gi, (m) => decodeURIComponent(m));
}

/** The query of a nextLink: the request's parameters, minus `$skiptoken`, plus the new one. */
export function nextLinkQuery(params: URLSearchParams, skipToken: string): string {
  const parts: string[] = [];
  for (const [name, value] of params) {
    if (name.toLowerCase() === '$skiptoken') continue;
    parts.push(`${encodeQueryPart(name)}=${encodeQueryPart(value)}`);
  }
  parts.push(`$skiptoken=${encodeQueryPart(skipToken)}`);
  return parts.join('&');
}
