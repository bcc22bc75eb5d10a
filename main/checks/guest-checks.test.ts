import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_KINDS } from '../../shared/models/snapshot';
import { SOURCES } from '../../shared/models/sources';
import { GST_003, GST_004, GUEST_CHECKS } from './guest-checks';
import {
  labelOf,
  REASON_CODE_FOR,
  run,
  SKU_BUSINESS_PREMIUM,
  SKU_BUSINESS_STANDARD,
  snapshotWith,
  withError,
  type SourceData,
} from './test-snapshot';

// NOW (test-snapshot) is 2026-11-02T09:00:00Z.

function b2bPolicy(
  lists: Record<string, unknown> | null,
  type: string | number = 'B2BManagementPolicy',
) {
  const definition = {
    B2BManagementPolicy: lists ? { InvitationsAllowedAndBlockedDomainsPolicy: lists } : {},
  };
  return {
    id: 'b2b-policy',
    displayName: 'B2BManagementPolicy',
    type,
    isOrganizationDefault: true,
    definition: [JSON.stringify(definition)],
  };
}

const TOKEN_POLICY = {
  id: 'token-policy',
  displayName: 'TokenLifetime',
  type: 'TokenLifetimePolicy',
  definition: ['{"TokenLifetimePolicy":{"Version":1,"AccessTokenLifetime":"02:00:00"}}'],
};

const GST_003_PASSING: SourceData = {
  b2bManagementPolicy: [
    TOKEN_POLICY,
    b2bPolicy({ AllowedDomains: ['bridgewaterdentallab.com', 'whitfieldcpa.com'] }),
  ],
  authorizationPolicy: { allowInvitesFrom: 'adminsAndGuestInviters' },
};

function guest(key: string, created: string, extra: Record<string, unknown> = {}) {
  return {
    id: `guest-${key}`,
    displayName: `Guest ${key}`,
    userPrincipalName: `${key}_partner.example#EXT#@contoso.onmicrosoft.com`,
    mail: `${key}@partner.example`,
    userType: 'Guest',
    accountEnabled: true,
    createdDateTime: created,
    ...extra,
  };
}

function activity(id: string, success: string | null, extra: Record<string, unknown> = {}) {
  return {
    id,
    userType: 'Guest',
    signInActivity: {
      lastSignInDateTime: success,
      lastNonInteractiveSignInDateTime: success,
      lastSuccessfulSignInDateTime: success,
      ...extra,
    },
  };
}

const MEMBER = {
  id: 'member-1',
  displayName: 'Megan Bowen',
  userPrincipalName: 'megan@contoso.com',
  userType: 'Member',
  accountEnabled: true,
  createdDateTime: '2019-03-11T17:42:08Z',
};

const ACTIVE = guest('lab', '2023-03-15T17:19:32Z');
const NEW_INVITE = guest('new', '2026-10-25T10:00:00Z');

const GST_004_PASSING: SourceData = {
  subscribedSkus: [SKU_BUSINESS_PREMIUM],
  users: [MEMBER, ACTIVE, NEW_INVITE],
  userSignInActivity: [
    activity(MEMBER.id, '2025-01-01T00:00:00Z'),
    activity(ACTIVE.id, '2026-10-25T19:44:21Z'),
    { id: NEW_INVITE.id, signInActivity: null },
  ],
};

describe('guest checks: sources that could not be read', () => {
  const cases = [
    ['GST-003', GST_003, GST_003_PASSING],
    ['GST-004', GST_004, GST_004_PASSING],
  ] as const;

  it.each(cases)('%s passes on the clean tenant', (_id, check, data) => {
    expect(run(check, snapshotWith(data)).verdict).toBe('pass');
  });

  const errors = cases.flatMap(([id, check, data]) =>
    check.requires.flatMap((source) =>
      SOURCE_ERROR_KINDS.map((kind) => [id, source, kind, check, data] as const),
    ),
  );
  it.each(errors)('%s is unknown when %s fails with %s', (_id, source, kind, check, data) => {
    const finding = run(check, withError(snapshotWith(data), source, kind));
    expect(finding.verdict).toBe('unknown');
    expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
    expect(finding.reason).toContain(labelOf(source));
    if (kind === 'forbidden') expect(finding.reason).toContain(SOURCES[source].permission);
  });

  it('exports both checks in the family array', () => {
    expect(GUEST_CHECKS.map((c) => c.id)).toEqual(['GST-003', 'GST-004']);
  });
});

describe('GST-003 guest invitations limited to approved domains', () => {
  it('passes with an allow list and names the domains', () => {
    const finding = run(GST_003, snapshotWith(GST_003_PASSING));
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toContain('2 approved domain(s)');
    expect(finding.reason).toContain('bridgewaterdentallab.com');
  });

  it('recognises the policy when Graph reports its type as a number', () => {
    const finding = run(
      GST_003,
      snapshotWith({ b2bManagementPolicy: [b2bPolicy({ AllowedDomains: ['lab.example'] }, 6)] }),
    );
    expect(finding.verdict).toBe('pass');
  });

  it('reads keys whatever their case', () => {
    const policy = {
      id: 'b2b',
      type: 'b2bmanagementpolicy',
      definition: [
        '{"b2bmanagementpolicy":{"invitationsallowedandblockeddomainspolicy":{"alloweddomains":["lab.example"]}}}',
      ],
    };
    expect(run(GST_003, snapshotWith({ b2bManagementPolicy: [policy] })).verdict).toBe('pass');
  });

  it('fails when there is no guest invitation policy at all', () => {
    const finding = run(GST_003, snapshotWith({ b2bManagementPolicy: [TOKEN_POLICY] }));
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toMatch(/any email domain/);
  });

  it('fails when the policy has an empty allow list and no block list', () => {
    const finding = run(
      GST_003,
      snapshotWith({
        b2bManagementPolicy: [b2bPolicy({ AllowedDomains: [], BlockedDomains: [] })],
      }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('fails when the policy holds other settings but no domain lists', () => {
    const finding = run(GST_003, snapshotWith({ b2bManagementPolicy: [b2bPolicy(null)] }));
    expect(finding.verdict).toBe('fail');
  });

  it('warns for a block list, even when an empty AllowedDomains key is present', () => {
    const finding = run(
      GST_003,
      snapshotWith({
        b2bManagementPolicy: [b2bPolicy({ AllowedDomains: [], BlockedDomains: ['live.com'] })],
      }),
    );
    expect(finding.verdict).toBe('warn');
    expect(finding.reason).toContain('live.com');
  });

  it('passes when nobody can invite guests, even without domain lists', () => {
    const finding = run(
      GST_003,
      snapshotWith({
        b2bManagementPolicy: [TOKEN_POLICY],
        authorizationPolicy: { allowInvitesFrom: 'none' },
      }),
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toMatch(/Nobody/);
  });

  it('still fails when the invitation setting could not be read', () => {
    const finding = run(
      GST_003,
      snapshotWith(
        { b2bManagementPolicy: [TOKEN_POLICY] },
        { authorizationPolicy: { kind: 'forbidden', status: 403, message: 'denied' } },
      ),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('is unknown (invalid response) when the policy JSON cannot be parsed', () => {
    const broken = {
      id: 'b2b',
      type: 'B2BManagementPolicy',
      definition: ['{"B2BManagementPolicy":'],
    };
    const finding = run(GST_003, snapshotWith({ b2bManagementPolicy: [broken] }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
    expect(finding.reason).toContain(labelOf('b2bManagementPolicy'));
  });

  it('is unknown when the domain list is not a list of domains', () => {
    const finding = run(
      GST_003,
      snapshotWith({ b2bManagementPolicy: [b2bPolicy({ AllowedDomains: 'lab.example' })] }),
    );
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });

  it('ignores broken JSON in unrelated legacy policies', () => {
    const other = { id: 'x', type: 'HomeRealmDiscoveryPolicy', definition: ['not json'] };
    const finding = run(
      GST_003,
      snapshotWith({ b2bManagementPolicy: [other, b2bPolicy({ AllowedDomains: ['a.example'] })] }),
    );
    expect(finding.verdict).toBe('pass');
  });
});

describe('GST-004 no stale guests', () => {
  it('passes when every enabled guest signed in recently or was just invited', () => {
    const finding = run(GST_004, snapshotWith(GST_004_PASSING));
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toContain('All 2 of your guest account(s)');
  });

  it('fails for a guest not seen for more than 90 days and an old unused invitation', () => {
    const accountant = guest('cpa', '2021-04-12T16:52:09Z', { mail: null });
    const oldInvite = guest('old', '2026-01-05T10:00:00Z');
    const disabled = guest('gone', '2020-01-01T00:00:00Z', { accountEnabled: false });
    const finding = run(
      GST_004,
      snapshotWith({
        ...GST_004_PASSING,
        users: [MEMBER, ACTIVE, NEW_INVITE, accountant, oldInvite, disabled],
        userSignInActivity: [
          ...(GST_004_PASSING.userSignInActivity as unknown[]),
          activity(accountant.id, '2026-04-15T17:06:58Z'),
          activity(oldInvite.id, null),
          activity(disabled.id, '2020-02-01T00:00:00Z'),
        ],
      }),
    );
    expect(finding.verdict).toBe('fail');
    expect(finding.reason).toBe(
      '2 of your 4 guest account(s) have not been used for more than 90 days.',
    );
    expect(finding.affected).toEqual([
      {
        id: accountant.id,
        displayName: 'Guest cpa (cpa@partner.example)',
        detail: 'last signed in 2026-04-15 (200 days ago)',
      },
      {
        id: oldInvite.id,
        displayName: 'Guest old (old@partner.example)',
        detail: 'has never signed in since being invited on 2026-01-05',
      },
    ]);
  });

  it('uses the 90-day boundary exactly', () => {
    const at = (iso: string) =>
      run(
        GST_004,
        snapshotWith({
          ...GST_004_PASSING,
          users: [ACTIVE],
          userSignInActivity: [activity(ACTIVE.id, iso)],
        }),
      ).verdict;
    expect(at('2026-08-04T09:00:00Z')).toBe('pass'); // 90 days before NOW
    expect(at('2026-08-03T09:00:00Z')).toBe('fail'); // 91 days
  });

  it('uses the 30-day boundary for invitations never accepted', () => {
    const at = (created: string) => {
      const g = guest('pending', created);
      return run(
        GST_004,
        snapshotWith({
          ...GST_004_PASSING,
          users: [g],
          userSignInActivity: [{ id: g.id, signInActivity: null }],
        }),
      ).verdict;
    };
    expect(at('2026-10-03T09:00:00Z')).toBe('pass'); // 30 days
    expect(at('2026-10-02T09:00:00Z')).toBe('fail'); // 31 days
  });

  it('does not count recent failed sign-in attempts as use', () => {
    const finding = run(
      GST_004,
      snapshotWith({
        ...GST_004_PASSING,
        users: [ACTIVE],
        userSignInActivity: [
          activity(ACTIVE.id, null, { lastSignInDateTime: '2026-11-01T00:00:00Z' }),
        ],
      }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it('falls back to the last sign-in when Graph has no successful-sign-in field', () => {
    const record = {
      id: ACTIVE.id,
      signInActivity: {
        lastSignInDateTime: '2026-07-01T00:00:00Z',
        lastNonInteractiveSignInDateTime: '2026-10-30T00:00:00Z',
      },
    };
    const finding = run(
      GST_004,
      snapshotWith({ ...GST_004_PASSING, users: [ACTIVE], userSignInActivity: [record] }),
    );
    expect(finding.verdict).toBe('pass');
  });

  it('does not double the brackets when the guest name already has some', () => {
    const g = guest('dana', '2021-04-12T16:52:09Z', {
      displayName: 'Dana Whitfield (Whitfield CPA)',
      mail: 'dana@whitfieldcpa.com',
    });
    const finding = run(
      GST_004,
      snapshotWith({
        ...GST_004_PASSING,
        users: [g],
        userSignInActivity: [activity(g.id, '2025-01-01T00:00:00Z')],
      }),
    );
    expect(finding.affected[0]?.displayName).toBe(
      'Dana Whitfield (Whitfield CPA), dana@whitfieldcpa.com',
    );
  });

  it('names guests by their own address when Graph gives only the guest UPN', () => {
    const g = guest('dana', '2021-04-12T16:52:09Z', {
      mail: null,
      userPrincipalName: 'dana_whitfieldcpa.com#EXT#@contoso.onmicrosoft.com',
    });
    const finding = run(
      GST_004,
      snapshotWith({
        ...GST_004_PASSING,
        users: [g],
        userSignInActivity: [activity(g.id, '2025-01-01T00:00:00Z')],
      }),
    );
    expect(finding.affected[0]?.displayName).toBe('Guest dana (dana@whitfieldcpa.com)');
  });

  it('is not applicable when the licences show no Entra ID P1', () => {
    const finding = run(
      GST_004,
      snapshotWith({ ...GST_004_PASSING, subscribedSkus: [SKU_BUSINESS_STANDARD] }),
    );
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it('is not applicable when Microsoft answers that sign-in dates need a premium licence', () => {
    const finding = run(
      GST_004,
      withError(
        snapshotWith({ ...GST_004_PASSING, subscribedSkus: [] }),
        'userSignInActivity',
        'not_licensed',
      ),
    );
    expect(finding).toMatchObject({ verdict: 'not_applicable', reasonCode: 'not_licensed' });
  });

  it.each(['forbidden', 'throttled', 'network', 'not_found', 'invalid_response'] as const)(
    'is unknown when the sign-in dates fail with %s',
    (kind) => {
      const finding = run(
        GST_004,
        withError(snapshotWith(GST_004_PASSING), 'userSignInActivity', kind),
      );
      expect(finding.verdict).toBe('unknown');
      expect(finding.reasonCode).toBe(REASON_CODE_FOR[kind]);
      expect(finding.reason).toContain(labelOf('userSignInActivity'));
    },
  );

  it('is unknown when the sign-in dates were not collected', () => {
    const { userSignInActivity: _omit, ...rest } = GST_004_PASSING;
    const finding = run(GST_004, snapshotWith(rest));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'error' });
  });

  it('passes with no guests, even without sign-in dates', () => {
    const finding = run(
      GST_004,
      withError(
        snapshotWith({ ...GST_004_PASSING, users: [MEMBER] }),
        'userSignInActivity',
        'forbidden',
      ),
    );
    expect(finding.verdict).toBe('pass');
    expect(finding.reason).toBe('You have no enabled guest accounts.');
  });

  it('is unknown when a guest is missing from the sign-in dates', () => {
    const finding = run(
      GST_004,
      snapshotWith({
        ...GST_004_PASSING,
        userSignInActivity: [activity(ACTIVE.id, '2026-10-30T00:00:00Z')],
      }),
    );
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'not_found' });
    expect(finding.reason).toMatch(/1 of your 2 guests/);
  });

  it('still fails for stale guests when another guest is missing from the sign-in dates', () => {
    const finding = run(
      GST_004,
      snapshotWith({
        ...GST_004_PASSING,
        userSignInActivity: [activity(ACTIVE.id, '2025-10-30T00:00:00Z')],
      }),
    );
    expect(finding.verdict).toBe('fail');
  });

  it.each([
    ['a bad date', [activity('guest-lab', 'yesterday')]],
    ['an object instead of a list', { value: [] }],
  ])('is unknown (invalid response) for sign-in data with %s', (_label, data) => {
    const finding = run(GST_004, snapshotWith({ ...GST_004_PASSING, userSignInActivity: data }));
    expect(finding).toMatchObject({ verdict: 'unknown', reasonCode: 'invalid_response' });
  });
});
