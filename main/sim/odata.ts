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
 * Compiles a `$filter` expression: the subset the product reads with. Supported are `eq` and `ne`
 * on string, boolean and null literals; `ge`, `le`, `gt` and `lt` (and `eq`/`ne`) against an
 * unquoted ISO date-time literal, as Graph writes `createdDateTime ge 2026-11-01T00:00:00Z`;
 * `and`, `or` and parentheses; `startswith(prop,'x')`; `prop/any(c:c eq 'x')` over collections;
 * nested properties written with `/`. String comparisons ignore case, as directory queries do.
 * Anything else is answered with Graph's "Invalid filter clause" error.
 */
export function compileFilter(expression: string): Parsed<FilterPredicate> {
  const tokens = tokenizeFilter(expression);
  if (!tokens.ok) return invalidFilter(tokens.message);
  const parser = new FilterParser(tokens.value);
  try {
    const node = parser.parseExpression();
    parser.expectEnd();
    return { ok: true, value: (item) => node({ item, lambda: undefined }) };
  } catch (error) {
    if (error instanceof FilterSyntaxError) return invalidFilter(error.message);
    throw error;
  }
}

const invalidFilter = (detail: string): Parsed<never> => fail(`Invalid filter clause: ${detail}`);

type FilterToken =
  | { readonly kind: 'punct'; readonly text: '(' | ')' | ',' | ':'; readonly at: number }
  | { readonly kind: 'string'; readonly value: string; readonly at: number }
  | {
      readonly kind: 'datetime';
      readonly value: number;
      readonly text: string;
      readonly at: number;
    }
  | { readonly kind: 'word'; readonly text: string; readonly at: number };

const DATETIME_LITERAL =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})/;
/** A property path (`a/b/c`) or a keyword. */
const WORD = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/;

function tokenizeFilter(text: string): Parsed<FilterToken[]> {
  const tokens: FilterToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',' || c === ':') {
      tokens.push({ kind: 'punct', text: c, at: i });
      i++;
    } else if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return fail(`unterminated string literal at position ${i}.`);
        if (text[j] === "'") {
          if (text[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += text[j];
        j++;
      }
      tokens.push({ kind: 'string', value, at: i });
      i = j + 1;
    } else {
      const rest = text.slice(i);
      const datetime = DATETIME_LITERAL.exec(rest);
      if (datetime) {
        const value = Date.parse(datetime[0]);
        if (Number.isNaN(value)) return fail(`invalid date-time literal '${datetime[0]}'.`);
        tokens.push({ kind: 'datetime', value, text: datetime[0], at: i });
        i += datetime[0].length;
        continue;
      }
      const word = WORD.exec(rest);
      if (!word) return fail(`syntax error at position ${i} in '${text}'.`);
      tokens.push({ kind: 'word', text: word[0], at: i });
      i += word[0].length;
    }
  }
  return { ok: true, value: tokens };
}

class FilterSyntaxError extends Error {}

interface FilterScope {
  readonly item: Record<string, unknown>;
  /** The variable of the enclosing `any()` lambda and the element it stands for. */
  readonly lambda: { readonly name: string; readonly value: unknown } | undefined;
}
type FilterNode = (scope: FilterScope) => boolean;
type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | { readonly kind: 'datetime'; readonly value: number };

const COMPARISONS = ['eq', 'ne', 'ge', 'le', 'gt', 'lt'] as const;
type Comparison = (typeof COMPARISONS)[number];

function propertyOf(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

/** The value a property path names, inside the lambda element when it starts with its variable. */
function resolvePath(path: readonly string[], scope: FilterScope): unknown {
  let value: unknown = scope.item;
  let rest = path;
  if (scope.lambda && path[0] === scope.lambda.name) {
    value = scope.lambda.value;
    rest = path.slice(1);
  }
  for (const segment of rest) value = propertyOf(value, segment);
  return value;
}

function compare(actual: unknown, op: Comparison, literal: Literal): boolean {
  if (literal.kind === 'null') {
    const isNull = actual === null || actual === undefined;
    return op === 'eq' ? isNull : !isNull;
  }
  if (literal.kind === 'boolean') {
    return op === 'eq' ? actual === literal.value : actual !== literal.value;
  }
  if (literal.kind === 'string') {
    const equal =
      typeof actual === 'string' && actual.toLowerCase() === literal.value.toLowerCase();
    return op === 'eq' ? equal : !equal;
  }
  const time = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
  if (Number.isNaN(time)) return op === 'ne';
  switch (op) {
    case 'eq':
      return time === literal.value;
    case 'ne':
      return time !== literal.value;
    case 'ge':
      return time >= literal.value;
    case 'le':
      return time <= literal.value;
    case 'gt':
      return time > literal.value;
    case 'lt':
      return time < literal.value;
  }
}

/** Recursive descent over the tokens: or → and → primary. */
class FilterParser {
  private position = 0;

  constructor(private readonly tokens: readonly FilterToken[]) {}

  parseExpression(): FilterNode {
    let left = this.parseAnd();
    while (this.isWord('or')) {
      this.position++;
      const right = this.parseAnd();
      const l = left;
      left = (scope) => l(scope) || right(scope);
    }
    return left;
  }

  expectEnd(): void {
    const token = this.tokens[this.position];
    if (token)
      throw new FilterSyntaxError(`unexpected '${tokenText(token)}' at position ${token.at}.`);
  }

  private parseAnd(): FilterNode {
    let left = this.parsePrimary();
    while (this.isWord('and')) {
      this.position++;
      const right = this.parsePrimary();
      const l = left;
      left = (scope) => l(scope) && right(scope);
    }
    return left;
  }

  private parsePrimary(): FilterNode {
    const token = this.next('an expression');
    if (token.kind === 'punct' && token.text === '(') {
      const inner = this.parseExpression();
      this.expectPunct(')');
      return inner;
    }
    if (token.kind !== 'word') {
      throw new FilterSyntaxError(`expected a property at position ${token.at}.`);
    }
    const lower = token.text.toLowerCase();
    if (lower === 'startswith' && this.isPunct('(')) return this.parseStartsWith();
    const path = token.text.split('/');
    const last = path[path.length - 1]!.toLowerCase();
    if (path.length > 1 && last === 'any' && this.isPunct('(')) {
      return this.parseAny(path.slice(0, -1));
    }
    if (this.isPunct('(')) {
      throw new FilterSyntaxError(`'${token.text}(…)' is not supported.`);
    }
    if (['not', 'and', 'or', 'true', 'false', 'null'].includes(lower)) {
      throw new FilterSyntaxError(`'${token.text}' is not supported at position ${token.at}.`);
    }
    return this.parseComparison(path);
  }

  private parseComparison(path: readonly string[]): FilterNode {
    const opToken = this.next('a comparison operator');
    const op = opToken.kind === 'word' ? opToken.text.toLowerCase() : '';
    if (!(COMPARISONS as readonly string[]).includes(op)) {
      throw new FilterSyntaxError(
        `the operator '${tokenText(opToken)}' at position ${opToken.at} is not supported.`,
      );
    }
    const literal = this.parseLiteral();
    const comparison = op as Comparison;
    if (comparison !== 'eq' && comparison !== 'ne' && literal.kind !== 'datetime') {
      throw new FilterSyntaxError(`the operator '${op}' is supported only with a date-time value.`);
    }
    return (scope) => compare(resolvePath(path, scope), comparison, literal);
  }

  private parseLiteral(): Literal {
    const token = this.next('a value');
    if (token.kind === 'string') return { kind: 'string', value: token.value };
    if (token.kind === 'datetime') return { kind: 'datetime', value: token.value };
    if (token.kind === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false')
        return { kind: 'boolean', value: lower === 'true' };
      if (lower === 'null') return { kind: 'null' };
    }
    throw new FilterSyntaxError(`unsupported value '${tokenText(token)}' at position ${token.at}.`);
  }

  private parseStartsWith(): FilterNode {
    this.expectPunct('(');
    const property = this.next('a property');
    if (property.kind !== 'word') {
      throw new FilterSyntaxError(`startswith needs a property at position ${property.at}.`);
    }
    this.expectPunct(',');
    const prefix = this.next('a string');
    if (prefix.kind !== 'string') {
      throw new FilterSyntaxError(`startswith needs a string at position ${prefix.at}.`);
    }
    this.expectPunct(')');
    const path = property.text.split('/');
    const wanted = prefix.value.toLowerCase();
    return (scope) => {
      const value = resolvePath(path, scope);
      return typeof value === 'string' && value.toLowerCase().startsWith(wanted);
    };
  }

  private parseAny(path: readonly string[]): FilterNode {
    this.expectPunct('(');
    const variable = this.next('a lambda variable');
    if (variable.kind !== 'word' || variable.text.includes('/')) {
      throw new FilterSyntaxError(`any() needs a variable at position ${variable.at}.`);
    }
    this.expectPunct(':');
    const body = this.parseExpression();
    this.expectPunct(')');
    const name = variable.text;
    return (scope) => {
      const collection = resolvePath(path, scope);
      if (!Array.isArray(collection)) return false;
      return collection.some((value) => body({ item: scope.item, lambda: { name, value } }));
    };
  }

  private next(expected: string): FilterToken {
    const token = this.tokens[this.position];
    if (!token) throw new FilterSyntaxError(`expected ${expected} at the end of the expression.`);
    this.position++;
    return token;
  }

  private isWord(text: string): boolean {
    const token = this.tokens[this.position];
    return token?.kind === 'word' && token.text.toLowerCase() === text;
  }

  private isPunct(text: string): boolean {
    const token = this.tokens[this.position];
    return token?.kind === 'punct' && token.text === text;
  }

  private expectPunct(text: '(' | ')' | ',' | ':'): void {
    const token = this.next(`'${text}'`);
    if (token.kind !== 'punct' || token.text !== text) {
      throw new FilterSyntaxError(`expected '${text}' at position ${token.at}.`);
    }
  }
}

function tokenText(token: FilterToken): string {
  switch (token.kind) {
    case 'string':
      return `'${token.value}'`;
    case 'datetime':
    case 'word':
    case 'punct':
      return token.text;
  }
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
