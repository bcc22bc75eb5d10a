import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAGE_SIZE,
  applySelect,
  compileFilter,
  decodeSkipToken,
  encodeSkipToken,
  nextLinkQuery,
  pageOf,
  pageSize,
  parseODataQuery,
} from './odata';

const parse = (query: string) => parseODataQuery(new URLSearchParams(query));

describe('parseODataQuery', () => {
  it('reads the supported options', () => {
    const result = parse(
      '$select=id,displayName&$top=5&$count=true&$expand=principal($select=id),roleDefinition&api-version=x',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        select: ['id', 'displayName'],
        top: 5,
        count: true,
        expand: ['principal', 'roleDefinition'],
      },
    });
  });

  it('caps $top at 999 and rejects values that are not positive integers', () => {
    expect(parse('$top=5000')).toMatchObject({ ok: true, value: { top: 999 } });
    expect(parse('$top=0').ok).toBe(false);
    expect(parse('$top=abc').ok).toBe(false);
  });

  it('rejects unknown and repeated $-options and a bad $count', () => {
    expect(parse('$orderby=displayName')).toEqual({
      ok: false,
      message: "Query option '$orderby' is not supported.",
    });
    expect(parse('$top=1&$TOP=2').ok).toBe(false);
    expect(parse('$count=yes').ok).toBe(false);
  });

  it('keeps $filter for the filter compiler, which does not accept expressions yet', () => {
    expect(parse("$filter=userType eq 'Guest'")).toMatchObject({
      ok: true,
      value: { filter: "userType eq 'Guest'" },
    });
    const compiled = compileFilter("userType eq 'Guest'");
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.message).toMatch(/^Invalid filter clause/);
  });
});

describe('applySelect', () => {
  const user = {
    '@odata.type': '#microsoft.graph.user',
    id: 'u1',
    displayName: 'Ada',
    mail: 'ada@contoso.com',
    manager: { id: 'm1' },
    'manager@odata.navigationLink': 'x',
  };

  it('keeps selected properties (any case), id, annotations and expanded properties', () => {
    expect(applySelect(user, ['DisplayName'], ['manager'])).toEqual({
      '@odata.type': '#microsoft.graph.user',
      id: 'u1',
      displayName: 'Ada',
      manager: { id: 'm1' },
      'manager@odata.navigationLink': 'x',
    });
  });

  it('returns the item unchanged without $select', () => {
    expect(applySelect(user, undefined)).toBe(user);
  });
});

describe('paging', () => {
  const items = Array.from({ length: 7 }, (_, i) => i);

  it('splits a collection into pages', () => {
    expect(pageOf(items, 0, 3)).toEqual({ page: [0, 1, 2], nextOffset: 3 });
    expect(pageOf(items, 3, 3)).toEqual({ page: [3, 4, 5], nextOffset: 6 });
    expect(pageOf(items, 6, 3)).toEqual({ page: [6] });
    expect(pageOf(items, 0, 7)).toEqual({ page: items });
    expect(pageOf(items, 9, 3)).toEqual({ page: [] });
  });

  it('uses 100 items per page unless $top says otherwise', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(20)).toBe(20);
  });

  it('round-trips a skip token only for the collection it was issued for', () => {
    const token = encodeSkipToken(200, 'GET /v1.0/users');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSkipToken(token, 'GET /v1.0/users')).toBe(200);
    expect(decodeSkipToken(token, 'GET /v1.0/groups')).toBeUndefined();
    expect(decodeSkipToken('not-a-token', 'GET /v1.0/users')).toBeUndefined();
  });

  it('builds the nextLink query from the request, replacing $skiptoken', () => {
    const params = new URLSearchParams('$top=2&$select=id,displayName&$skiptoken=old');
    expect(nextLinkQuery(params, 'NEW')).toBe('$top=2&$select=id,displayName&$skiptoken=NEW');
  });
});
