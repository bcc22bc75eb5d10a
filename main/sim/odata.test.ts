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

  it('keeps $filter for the filter compiler', () => {
    expect(parse("$filter=userType eq 'Guest'")).toMatchObject({
      ok: true,
      value: { filter: "userType eq 'Guest'" },
    });
  });

  it('accepts nested expand options and keeps the navigation property name', () => {
    expect(parse('$expand=policy($expand=rules)')).toMatchObject({
      ok: true,
      value: { expand: ['policy'] },
    });
    expect(parse('$expand=policy($select=id;$expand=rules($select=id)),principal')).toMatchObject({
      ok: true,
      value: { expand: ['policy', 'principal'] },
    });
  });
});

describe('compileFilter', () => {
  const people: Record<string, unknown>[] = [
    {
      id: 'u1',
      userType: 'Member',
      accountEnabled: true,
      displayName: 'Ada Lovelace',
      mail: null,
      proxyAddresses: ['SMTP:ada@contoso.com', 'smtp:a.l@contoso.com'],
      signInActivity: { lastSignInDateTime: '2026-11-20T08:00:00Z' },
      createdDateTime: '2024-01-01T00:00:00Z',
    },
    {
      id: 'u2',
      userType: 'Guest',
      accountEnabled: false,
      displayName: "Bob O'Brien",
      mail: 'bob@fabrikam.com',
      proxyAddresses: [],
      signInActivity: { lastSignInDateTime: '2025-06-01T08:00:00Z' },
      createdDateTime: '2026-11-25T10:00:00.1234567Z',
    },
    { id: 'u3', userType: 'Member', accountEnabled: true, displayName: 'Cy', signInActivity: null },
  ];
  const ids = (expression: string): string[] => {
    const compiled = compileFilter(expression);
    if (!compiled.ok) throw new Error(compiled.message);
    return people.filter(compiled.value).map((p) => String(p.id));
  };
  const rejects = (expression: string) => {
    const compiled = compileFilter(expression);
    expect(compiled.ok, expression).toBe(false);
    if (!compiled.ok) expect(compiled.message).toMatch(/^Invalid filter clause/);
  };

  it('compares strings (ignoring case), booleans and null with eq and ne', () => {
    expect(ids("userType eq 'Guest'")).toEqual(['u2']);
    expect(ids("usertype eq 'member'")).toEqual(['u1', 'u3']);
    expect(ids("userType ne 'Guest'")).toEqual(['u1', 'u3']);
    expect(ids('accountEnabled eq false')).toEqual(['u2']);
    expect(ids('accountEnabled ne false')).toEqual(['u1', 'u3']);
    expect(ids('mail eq null')).toEqual(['u1', 'u3']);
    expect(ids('mail ne null')).toEqual(['u2']);
    expect(ids("displayName eq 'Bob O''Brien'")).toEqual(['u2']);
  });

  it('combines with and, or and parentheses, and has and bind tighter than or', () => {
    expect(ids("userType eq 'Member' and accountEnabled eq true")).toEqual(['u1', 'u3']);
    expect(ids("userType eq 'Guest' or displayName eq 'Cy'")).toEqual(['u2', 'u3']);
    expect(ids("displayName eq 'Cy' or userType eq 'Guest' and accountEnabled eq true")).toEqual([
      'u3',
    ]);
    expect(ids("(displayName eq 'Cy' or userType eq 'Guest') and accountEnabled eq true")).toEqual([
      'u3',
    ]);
  });

  it('reads startswith, nested properties and any() over string collections', () => {
    expect(ids("startswith(displayName,'ada')")).toEqual(['u1']);
    expect(ids("startswith(displayName, 'B') or startswith(displayName,'C')")).toEqual([
      'u2',
      'u3',
    ]);
    expect(ids("proxyAddresses/any(c:c eq 'smtp:ada@contoso.com')")).toEqual(['u1']);
    expect(ids("proxyAddresses/any(x:startswith(x,'smtp:a.l'))")).toEqual(['u1']);
    expect(ids("proxyAddresses/any(c:c eq 'nobody@contoso.com')")).toEqual([]);
    expect(ids('signInActivity/lastSignInDateTime ge 2026-01-01T00:00:00Z')).toEqual(['u1']);
  });

  it('compares date-times written as unquoted literals, as Graph accepts them', () => {
    expect(ids('createdDateTime ge 2026-11-21T04:22:09.123Z')).toEqual(['u2']);
    expect(ids('createdDateTime lt 2026-11-21T04:22:09Z')).toEqual(['u1']);
    expect(ids('createdDateTime gt 2026-11-25T10:00:00.1234567Z')).toEqual([]);
    expect(ids('createdDateTime le 2026-11-25T10:00:00.1234567Z')).toEqual(['u1', 'u2']);
    expect(ids('createdDateTime eq 2024-01-01T01:00:00+01:00')).toEqual(['u1']);
    expect(
      ids('createdDateTime ge 2024-01-01T00:00:00Z and createdDateTime le 2025-01-01T00:00:00Z'),
    ).toEqual(['u1']);
  });

  it("answers Graph's Invalid filter clause for everything outside the subset", () => {
    for (const expression of [
      '',
      'userType',
      "userType eq 'Guest",
      "userType eq 'Guest' and",
      "userType eq 'Guest')",
      "userType in ('Guest','Member')",
      "not (userType eq 'Guest')",
      "endswith(mail,'@contoso.com')",
      "userType gt 'Guest'",
      "createdDateTime ge '2026-01-01T00:00:00Z'",
      'passwordValidityPeriodInDays eq 90',
      "proxyAddresses/all(c:c eq 'x')",
      "userType eq 'Guest' xor accountEnabled eq true",
      "userType eq 'Guest' ; drop",
      'createdDateTime ge 2026-13-45T00:00:00Z',
    ]) {
      rejects(expression);
    }
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
